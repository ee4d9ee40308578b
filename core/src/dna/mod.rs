//! District Need Assessment records (Part I village tool, Part II block tool,
//! secondary data, village collation), triangulation, vulnerability index and
//! DCPP priorities.
