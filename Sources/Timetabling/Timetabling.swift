/// 一人一课表: the pure timetabling domain. Foundation only; no Vapor, no Fluent.
///
/// Each concept lives in its own folder: term data, the school timetable solver,
/// student sectioning, and the ITC 2007 curriculum-based (`.ctt`) instances.
public enum Timetabling {}
