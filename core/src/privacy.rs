//! Confidentiality of children (JJ Act 2015 s.74, POCSO 2012 s.23): no name,
//! address, school, photograph, family detail or any other particular that may
//! identify a child may appear in a report. Our record types therefore hold only
//! a pseudonymous id, and a field that looks identifying is refused with its own
//! code (`identifying_field`) rather than a generic unknown-field error, so the
//! person filling a form learns why.

/// Field names that carry identifying particulars. Compared case-insensitively
/// after removing `_`, `-` and spaces, so `childName` and `child_name` both match.
const IDENTIFYING: &[&str] = &[
    "name",
    "childname",
    "fullname",
    "firstname",
    "lastname",
    "surname",
    "alias",
    "nickname",
    "address",
    "homeaddress",
    "phone",
    "mobile",
    "phonenumber",
    "email",
    "aadhaar",
    "aadhar",
    "aadhaarnumber",
    "photo",
    "photograph",
    "school",
    "schoolname",
    "fathername",
    "mothername",
    "guardianname",
    "parentname",
    "relatives",
    "neighbourhood",
    "neighborhood",
    "narrative",
];

/// True when a field of this name would carry a particular identifying a child.
pub fn is_identifying_field(name: &str) -> bool {
    let folded: String = name
        .chars()
        .filter(|c| !matches!(c, '_' | '-' | ' '))
        .flat_map(char::to_lowercase)
        .collect();
    IDENTIFYING.contains(&folded.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_and_separators() {
        assert!(is_identifying_field("childName"));
        assert!(is_identifying_field("father_name"));
        assert!(is_identifying_field("Aadhaar-Number"));
        assert!(!is_identifying_field("child_id"));
        assert!(!is_identifying_field("sex"));
    }
}
