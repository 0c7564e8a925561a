//! Checks every pack passes before evaluation: regexes compile, captures exist and have the right types, ids are unique.
