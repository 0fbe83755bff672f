/// Credentials are JSON values (`JSONValue`, from the shared JSON module): whoever imports
/// Credentials builds and reads them with those types without a second import, as before the
/// JSON reader and writer moved into their own module for the other targets.
@_exported import JSON
