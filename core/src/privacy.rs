//! Confidentiality of children (JJ Act 2015 s.74, POCSO 2012 s.23): no name,
//! address, school, photograph, family detail or any other particular that may
//! identify a child may appear in a report "or other form of communication".
//! Our record types therefore hold only a pseudonymous id, and:
//!
//! - a field whose name looks identifying is refused with its own code
//!   (`identifying_field`) rather than a generic unknown-field error, so the
//!   person filling a form learns why ([`is_identifying_field`], called by the
//!   structural validator for every field the kind does not define);
//! - every string in a record (closure notes, override and history reasons,
//!   comments of any kind) is scanned for phone numbers, Aadhaar numbers,
//!   e-mail addresses and a PIN code beside an address ([`scan_text`],
//!   [`check_strings`]);
//! - a child id that reads like a personal name is a warning
//!   ([`looks_like_personal_name`]).
//!
//! Messages never repeat the particular found: echoing an Aadhaar number in a
//! validation report would disclose it a second time.

use serde_json::Value;

use crate::diagnostic::{pointer, Code, Collector, Params};

/// Word stems that make a field name identifying wherever they occur in the
/// folded name (`fatherName`, `father-name`, `FATHER_NAME` and `fathersname`
/// all contain `father`). Only unknown fields are tested, so a stem that also
/// occurs in some harmless word changes the code, never the validity.
const STEMS: &[&str] = &[
    "name",
    "naam",
    "alias",
    "address",
    "phone",
    "mobile",
    "contact",
    "whatsapp",
    "email",
    "aadha", // aadhaar, aadhar
    "photo",
    "picture",
    "selfie",
    "school",
    "vidyalaya",
    "father",
    "mother",
    "parent",
    "guardian",
    "relative",
    "sibling",
    "neighbo", // neighbourhood, neighborhood
    "mohalla",
    "narrative",
    "pincode",
    // Devanagari: name, father, mother, guardian, address, phone, mobile,
    // photo, picture, Aadhaar, school, neighbourhood.
    "नाम",
    "पिता",
    "माता",
    "अभिभावक",
    "पता",
    "फ़ोन",
    "फोन",
    "मोबाइल",
    "फ़ोटो",
    "फोटो",
    "तस्वीर",
    "आधार",
    "विद्यालय",
    "स्कूल",
    "मोहल्ला",
];

/// Short words that identify only as a whole word (`pin`, but not `shipping`).
const WORDS: &[&str] = &[
    "pin",
    "uid",
    "tel",
    "mob",
    "pic",
    "img",
    "image",
    "pita",
    "mata",
    "pata",
    "abhibhavak",
    "tasveer",
    "dp",
];

/// Split a field name into lowercase words at separators and camelCase humps:
/// `photoURL` → `photo url`, `Father-Name` → `father name`.
pub fn field_words(name: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut prev_lower = false;
    for c in name.chars() {
        if !c.is_alphanumeric() && !is_combining(c) {
            if !current.is_empty() {
                words.push(std::mem::take(&mut current));
            }
            prev_lower = false;
            continue;
        }
        if c.is_uppercase() && prev_lower && !current.is_empty() {
            words.push(std::mem::take(&mut current));
        }
        prev_lower = c.is_lowercase() || c.is_ascii_digit();
        current.extend(c.to_lowercase());
    }
    if !current.is_empty() {
        words.push(current);
    }
    words
}

/// Devanagari vowel signs and the nukta are not alphanumeric in Unicode's
/// sense, but they are part of a word.
fn is_combining(c: char) -> bool {
    matches!(c, '\u{0900}'..='\u{0903}' | '\u{093A}'..='\u{094F}' | '\u{0951}'..='\u{0957}' | '\u{0962}' | '\u{0963}')
}

/// True when a field of this name would carry a particular identifying a
/// child. The name is normalised first: case, separators (`_`, `-`, `.`,
/// spaces) and camelCase are ignored, and English, transliterated Hindi and
/// Devanagari words are recognised (`mobile_number`, `photoUrl`, `guardian`,
/// `pita_ka_naam`, `पिता का नाम`).
pub fn is_identifying_field(name: &str) -> bool {
    let words = field_words(name);
    let folded: String = words.concat();
    STEMS.iter().any(|s| folded.contains(s)) || words.iter().any(|w| WORDS.contains(&w.as_str()))
}

/// A particular found in free text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Particular {
    /// An Indian phone number (mobile or landline with its STD code).
    Phone,
    /// A 12-digit number passing the Verhoeff check, as every Aadhaar number does.
    Aadhaar,
    /// An e-mail address.
    Email,
    /// A six-digit PIN code in text that also gives an address.
    PinAddress,
}

impl Particular {
    /// The diagnostic code for this particular.
    pub fn code(self) -> Code {
        match self {
            Particular::Phone => Code::TextHasPhone,
            Particular::Aadhaar => Code::TextHasAadhaar,
            Particular::Email => Code::TextHasEmail,
            Particular::PinAddress => Code::TextHasAddress,
        }
    }
}

/// The Verhoeff check digit test used by Aadhaar (UIDAI): true when the whole
/// number, check digit included, is valid.
pub fn verhoeff_valid(digits: &[u8]) -> bool {
    const D: [[u8; 10]; 10] = [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
        [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
        [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
        [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
        [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
        [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
        [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
        [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
        [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
        [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
    ];
    const P: [[u8; 10]; 8] = [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
        [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
        [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
        [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
        [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
        [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
        [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
        [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
    ];
    if digits.is_empty() || digits.iter().any(|d| *d > 9) {
        return false;
    }
    let mut c = 0u8;
    for (i, d) in digits.iter().rev().enumerate() {
        let p = P[i % 8][usize::from(*d)];
        c = D[usize::from(c)][usize::from(p)];
    }
    c == 0
}

/// Words that make a six-digit number read as a PIN code of an address.
const ADDRESS_WORDS: &[&str] = &[
    "pin",
    "pincode",
    "village",
    "vill",
    "gaon",
    "gram",
    "ward",
    "house",
    "road",
    "street",
    "lane",
    "mohalla",
    "tola",
    "post",
    "po",
    "ps",
    "thana",
    "district",
    "dist",
    "block",
    "near",
    "गाँव",
    "गांव",
    "ग्राम",
    "वार्ड",
    "मोहल्ला",
    "टोला",
    "पोस्ट",
    "थाना",
    "जिला",
    "ज़िला",
    "पिन",
];

/// Longest digit run worth keeping: a phone number with its country code has 13 digits.
const MAX_RUN: usize = 13;

/// Call `f` with every run of digits joined by single spaces, hyphens, dots
/// or brackets (`98765 43210`, `+91-98765-43210`, `0627-6222333`) that is
/// short enough to be a phone, Aadhaar or PIN number; longer runs are skipped.
/// Works on bytes without allocating: every byte of a non-ASCII character
/// ends a run, as the character itself would.
fn digit_runs(text: &str, mut f: impl FnMut(&[u8])) {
    let mut buf = [0u8; MAX_RUN];
    let mut len = 0usize;
    let mut gap = false;
    let mut group = 0usize;
    let mut flush = |buf: &[u8; MAX_RUN], len: &mut usize| {
        if let Some(run) = buf.get(..*len).filter(|_| *len > 0) {
            f(run);
        }
        *len = 0;
    };
    for c in text.bytes() {
        if c.is_ascii_digit() {
            // A run longer than MAX_RUN is marked by a length past the buffer.
            match buf.get_mut(len) {
                Some(slot) => {
                    *slot = c - b'0';
                    len += 1;
                }
                None => len = MAX_RUN + 1,
            }
            gap = false;
            group += 1;
        } else if matches!(c, b' ' | b'-' | b'.' | b'(' | b')')
            && !gap
            // Phone numbers are written in groups of two or more digits (or a
            // leading 0); a list such as `6 7 8 9 10` is not joined into one.
            && (group >= 2 || (len == 1 && buf[0] == 0))
        {
            gap = true;
            group = 0;
        } else if c == b'+' && len == 0 {
            // a country code prefix
        } else {
            flush(&buf, &mut len);
            gap = false;
            group = 0;
        }
    }
    flush(&buf, &mut len);
}

fn is_phone(d: &[u8]) -> bool {
    let mobile = |rest: &[u8]| rest.len() == 10 && rest[0] >= 6;
    match d.len() {
        10 => mobile(d),
        // 0 + mobile, or 0 + STD code + subscriber number (landline).
        11 => d[0] == 0 && d[1] != 0,
        12 => d[0] == 9 && d[1] == 1 && mobile(&d[2..]),
        13 => d[0] == 0 && d[1] == 9 && d[2] == 1 && mobile(&d[3..]),
        _ => false,
    }
}

fn has_email(text: &str) -> bool {
    let local = |c: char| c.is_ascii_alphanumeric() || "._%+-".contains(c);
    let domain = |c: char| c.is_ascii_alphanumeric() || ".-".contains(c);
    text.match_indices('@').any(|(i, _)| {
        let before = text[..i].chars().rev().take_while(|c| local(*c)).count();
        let after: String = text[i + 1..].chars().take_while(|c| domain(*c)).collect();
        let after = after.trim_end_matches('.');
        before > 0
            && after.contains('.')
            && after.rsplit('.').next().is_some_and(|tld| tld.len() >= 2)
    })
}

fn has_address_word(text: &str) -> bool {
    field_words(text)
        .iter()
        .any(|w| ADDRESS_WORDS.contains(&w.as_str()))
}

/// Every kind of identifying particular found in `text`, each once, in a fixed order.
pub fn scan_text(text: &str) -> Vec<Particular> {
    // Most strings (codes, dates, ids) hold neither a long digit run nor an
    // `@`: one pass over the bytes, no allocation, and they are done.
    let (mut phone, mut aadhaar, mut pin) = (false, false, false);
    digit_runs(text, |d| {
        phone |= is_phone(d);
        // Aadhaar numbers never begin with 0 or 1.
        aadhaar |= d.len() == 12 && d[0] >= 2 && verhoeff_valid(d);
        pin |= d.len() == 6 && d[0] != 0;
    });
    let email = text.as_bytes().contains(&b'@') && has_email(text);
    let mut found = Vec::new();
    if phone {
        found.push(Particular::Phone);
    }
    if aadhaar {
        found.push(Particular::Aadhaar);
    }
    if email {
        found.push(Particular::Email);
    }
    if pin && has_address_word(text) {
        found.push(Particular::PinAddress);
    }
    found
}

/// Scan every string in a record (keys excepted) and push a coded error, with
/// its path, for each identifying particular found. The walk keeps a stack of
/// borrowed path segments; a pointer is written only for a finding.
pub fn check_strings(value: &Value, out: &mut Collector) {
    enum Seg<'a> {
        Key(&'a str),
        Index(usize),
    }
    fn walk<'a>(v: &'a Value, path: &mut Vec<Seg<'a>>, key: &str, out: &mut Collector) {
        match v {
            Value::String(s) => {
                if !worth_scanning(s) {
                    return;
                }
                for p in scan_text(s) {
                    let pointer = path.iter().fold(String::new(), |acc, seg| match seg {
                        Seg::Key(k) => pointer(&acc, k),
                        Seg::Index(i) => pointer(&acc, i),
                    });
                    out.push(p.code(), pointer, Params::new().with("field", key));
                }
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    path.push(Seg::Index(i));
                    walk(item, path, key, out);
                    path.pop();
                }
            }
            Value::Object(map) => {
                for (k, item) in map {
                    path.push(Seg::Key(k));
                    walk(item, path, k, out);
                    path.pop();
                }
            }
            _ => {}
        }
    }
    walk(value, &mut Vec::new(), "", out);
}

/// Whether `text` holds a particular [`scan_text`] finds (allocates only when it does).
pub fn may_identify(text: &str) -> bool {
    worth_scanning(text) && !scan_text(text).is_empty()
}

/// Whether a string could hold any particular [`scan_text`] looks for: an
/// e-mail address needs an `@`, every number it knows has six digits or more.
/// Codes, ids and most dates fail this one tight pass over the bytes.
fn worth_scanning(text: &str) -> bool {
    let mut digits = 0usize;
    for &b in text.as_bytes() {
        digits += usize::from(b.is_ascii_digit());
        if b == b'@' {
            return true;
        }
    }
    digits >= 6
}

/// True when a child id reads like a personal name ("Sita Kumari", "सीता")
/// rather than a programme id: no digit, only letters and name punctuation,
/// and either two or more words, a capitalised word, or Devanagari.
pub fn looks_like_personal_name(id: &str) -> bool {
    let id = id.trim();
    if id.chars().any(|c| c.is_ascii_digit())
        || !id
            .chars()
            .all(|c| c.is_alphabetic() || is_combining(c) || " .'".contains(c))
    {
        return false;
    }
    let letters = id.chars().filter(|c| c.is_alphabetic()).count();
    let words = id.split_whitespace().count();
    let devanagari = id.chars().any(|c| ('\u{0900}'..='\u{097F}').contains(&c));
    let capitalised = id.chars().next().is_some_and(char::is_uppercase)
        && id.chars().skip(1).any(char::is_lowercase);
    letters >= 2 && (words >= 2 || capitalised || devanagari)
}

/// Push `child_id_looks_like_name` (a warning) when the id reads like a name.
pub fn check_child_id(id: &str, path: impl crate::diagnostic::LazyPath, out: &mut Collector) {
    if looks_like_personal_name(id) {
        out.push(Code::ChildIdLooksLikeName, path.path(), Params::new());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_separators_camel_case_and_synonyms() {
        for name in [
            "childName",
            "father_name",
            "Aadhaar-Number",
            "mobile_number",
            "MobileNo",
            "photo_url",
            "photoURL",
            "guardian",
            "Guardian Name",
            "mother.name",
            "school_name",
            "home-address",
            "pin",
            "pita_ka_naam",
            "पिता का नाम",
            "मोबाइल",
            "phoneNumber",
            "whatsApp",
        ] {
            assert!(is_identifying_field(name), "{name}");
        }
        for name in [
            "child_id", "sex", "colour", "shipping", "lgd_code", "weight",
        ] {
            assert!(!is_identifying_field(name), "{name}");
        }
    }

    #[test]
    fn verhoeff_known_values() {
        // 236 has check digit 3 (the textbook example): 2363 is valid.
        assert!(verhoeff_valid(&[2, 3, 6, 3]));
        assert!(!verhoeff_valid(&[2, 3, 6, 4]));
        // A 12-digit number with a valid check digit, and the same with one digit changed.
        let good = [2, 3, 4, 1, 2, 3, 4, 1, 2, 3, 4, 6];
        assert_eq!(
            verhoeff_valid(&good),
            aadhaar_check(&good[..11]) == good[11]
        );
        let mut bad = good;
        bad[3] = (bad[3] + 1) % 10;
        assert_ne!(verhoeff_valid(&good), verhoeff_valid(&bad));
    }

    /// The check digit the Verhoeff scheme appends (brute force over 0..=9).
    fn aadhaar_check(body: &[u8]) -> u8 {
        (0..10u8)
            .find(|c| {
                let mut v = body.to_vec();
                v.push(*c);
                verhoeff_valid(&v)
            })
            .unwrap_or(10)
    }

    #[test]
    fn finds_particulars_in_text() {
        use Particular::*;
        assert_eq!(scan_text("call mother on 98765 43210"), vec![Phone]);
        assert_eq!(scan_text("+91-98765-43210"), vec![Phone]);
        assert_eq!(scan_text("landline 06276-222333"), vec![Phone]);
        let mut body = vec![4, 9, 1, 8, 2, 7, 3, 6, 4, 5, 1];
        body.push(aadhaar_check(&body));
        let text: String = body.iter().map(|d| char::from(b'0' + d)).collect();
        let spaced = format!("aadhaar {} {} {}", &text[..4], &text[4..8], &text[8..]);
        assert_eq!(scan_text(&spaced), vec![Aadhaar]);
        // One digit off fails the check: not reported as Aadhaar.
        let mut wrong = body.clone();
        wrong[11] = (wrong[11] + 1) % 10;
        let text: String = wrong.iter().map(|d| char::from(b'0' + d)).collect();
        assert_eq!(scan_text(&text), vec![]);
        assert_eq!(scan_text("write to a.b@example.org"), vec![Email]);
        assert_eq!(scan_text("house 12, ward 4, pin 847211"), vec![PinAddress]);
        assert_eq!(scan_text("ग्राम बिस्फी 847211"), vec![PinAddress]);
        // Dates, times, helplines and counts are not particulars.
        for text in [
            "closed on 2026-11-20T09:00:00+05:30",
            "called Childline 1098 and 112",
            "847211 children",
            "someone@",
            "the case is closed",
            "ages 6 7 8 9 10 11 12",
        ] {
            assert_eq!(scan_text(text), vec![], "{text}");
        }
    }

    #[test]
    fn personal_names_as_ids() {
        for id in ["Sita Kumari", "Ramesh", "सीता कुमारी", "sita kumari"] {
            assert!(looks_like_personal_name(id), "{id}");
        }
        for id in ["PAN-0001", "C123", "ABC", "case_12", ""] {
            assert!(!looks_like_personal_name(id), "{id}");
        }
    }

    #[test]
    fn strings_are_scanned_with_their_paths() {
        let v = serde_json::json!({"closure": {"note": "ph 9876543210"}, "history": [{"reason": "a@b.in"}]});
        let mut out = Collector::new(crate::Locale::En);
        check_strings(&v, &mut out);
        let r = out.into_report();
        let got: Vec<(&str, &str)> = r
            .diagnostics
            .iter()
            .map(|d| (d.code.as_str(), d.path.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("text_has_phone", "/closure/note"),
                ("text_has_email", "/history/0/reason")
            ]
        );
    }
}
