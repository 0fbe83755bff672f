import Registry

/// What a page's form does with the API's answer: either it was done, or it was refused with
/// errors by field (a validation failure or a conflict) to show beside what was typed.
enum FormRefusal {
    enum Outcome<T> {
        case done(T)
        case refused([FieldError])
    }

    /// Runs the action; a refusal becomes its field errors, any other error is thrown.
    static func attempt<T>(_ action: () async throws -> T) async throws -> Outcome<T> {
        do {
            return .done(try await action())
        } catch AppError.validation(let errors) {
            return .refused(errors)
        } catch AppError.conflict(let error) {
            return .refused([error])
        }
    }
}
