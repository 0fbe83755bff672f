/// A learner's enrolment in a presentation (选课): registration day (days from the start, negative
/// before it), the day they unregistered if they did, what the registry knows of them and how it ended.
public struct Enrolment: Sendable, Equatable {
    public var presentation: Presentation
    public var studentID: Int
    public var registrationDay: Int?
    public var unregistrationDay: Int?
    public var demographics: Demographics
    public var outcome: FinalOutcome

    public init(presentation: Presentation, studentID: Int, registrationDay: Int?, unregistrationDay: Int?, demographics: Demographics, outcome: FinalOutcome) {
        self.presentation = presentation
        self.studentID = studentID
        self.registrationDay = registrationDay
        self.unregistrationDay = unregistrationDay
        self.demographics = demographics
        self.outcome = outcome
    }
}
