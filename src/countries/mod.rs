//! Placeholder: country reference data lands here.
