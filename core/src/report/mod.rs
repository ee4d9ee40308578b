//! The district baseline report: terminal summary, JSON result and HTML.
