//! Survey microdata (child roster) and the indicator engine: catalogue,
//! mergeable partial aggregates, confidence intervals and small-cell suppression.
