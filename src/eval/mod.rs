//! Evaluation: compiled packs run over document models.

pub mod values;
