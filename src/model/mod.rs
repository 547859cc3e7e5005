//! Placeholder: the data model (issue 3) lands here.
