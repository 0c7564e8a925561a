//! Reading report files into text.
