//! The document model: a report's text turned into lines, sections, sentences and quantities.
