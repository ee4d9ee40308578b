//! The crate's top-level modules form no cycle: each `crate::<module>` a
//! module's code names (in `use` lines or inline paths) is an edge, and the
//! graph must be a DAG, so the façade (`kind`, `context`, `record`) stays below
//! the domain modules and `api` on top.
//!
//! One refinement: the rule profile holds the DNA tool's data (its theme
//! catalogue and the enums it names), so `dna::catalogue` and `dna::model` —
//! plain data types that use nothing above `model` — are nodes of their own,
//! and the profile names them by their full path.
#![allow(clippy::unwrap_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let p = entry.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// Submodules that are data below the rule profile: nodes of their own.
const DATA_SUBMODULES: [&str; 2] = ["dna::catalogue", "dna::model"];

/// The node a path inside the crate belongs to (`dna::catalogue::X` → `dna::catalogue`).
fn node_of(path: &str) -> String {
    DATA_SUBMODULES
        .iter()
        .find(|m| path == **m || path.starts_with(&format!("{m}::")))
        .map(|m| (*m).to_owned())
        .unwrap_or_else(|| path.split("::").next().unwrap_or_default().to_owned())
}

/// The modules named after `crate::` in `code`, including `crate::{a, b::c}`.
fn named_modules(code: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let ident = |s: &str| -> String {
        let path: String = s
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
            .collect();
        node_of(path.trim_end_matches(':'))
    };
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        let after = &rest[at + "crate::".len()..];
        if let Some(group) = after.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            for part in group[..end].split(',') {
                let name = ident(part.trim());
                if !name.is_empty() {
                    found.insert(name);
                }
            }
        } else {
            let name = ident(after);
            if !name.is_empty() {
                found.insert(name);
            }
        }
        rest = after;
    }
    found
}

/// Code of a file without comments and without its test module.
fn code_of(text: &str) -> String {
    let body = text.split("#[cfg(test)]").next().unwrap_or_default();
    body.lines()
        .map(|l| l.split("//").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n")
}

fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for f in files {
        let rel = f.strip_prefix(&src).unwrap();
        let parts: Vec<String> = rel
            .components()
            .map(|c| {
                c.as_os_str()
                    .to_string_lossy()
                    .trim_end_matches(".rs")
                    .to_owned()
            })
            .filter(|c| c != "mod")
            .collect();
        let module = node_of(&parts.join("::"));
        if module == "lib" || module == "bin" {
            continue;
        }
        let text = std::fs::read_to_string(&f).unwrap();
        let targets = edges.entry(module.clone()).or_default();
        for m in named_modules(&code_of(&text)) {
            if m != module {
                targets.insert(m);
            }
        }
    }
    edges
}

fn find_cycle(edges: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    // Depth-first search with colours; the stack is the path when a grey node is met again.
    fn visit(
        n: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<String, u8>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        state.insert(n.to_owned(), 1);
        stack.push(n.to_owned());
        for m in edges.get(n).into_iter().flatten() {
            match state.get(m.as_str()).copied().unwrap_or(0) {
                1 => {
                    let start = stack.iter().position(|s| s == m).unwrap_or(0);
                    let mut cycle = stack[start..].to_vec();
                    cycle.push(m.clone());
                    return Some(cycle);
                }
                0 => {
                    if let Some(c) = visit(m, edges, state, stack) {
                        return Some(c);
                    }
                }
                _ => {}
            }
        }
        stack.pop();
        state.insert(n.to_owned(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for n in edges.keys() {
        if state.get(n.as_str()).copied().unwrap_or(0) == 0 {
            if let Some(c) = visit(n, edges, &mut state, &mut Vec::new()) {
                return Some(c);
            }
        }
    }
    None
}

#[test]
fn top_level_modules_have_no_cycle() {
    let edges = graph();
    assert!(edges.len() >= 15, "too few modules found: {edges:?}");
    if let Some(cycle) = find_cycle(&edges) {
        panic!("module cycle: {}", cycle.join(" -> "));
    }
}

#[test]
fn the_detector_sees_paths_and_cycles() {
    let names = named_modules("use crate::{a, b::c};\nlet x = crate::d::e();");
    assert_eq!(names.into_iter().collect::<Vec<_>>(), ["a", "b", "d"]);
    let mut edges = BTreeMap::new();
    edges.insert("x".to_owned(), BTreeSet::from(["y".to_owned()]));
    edges.insert("y".to_owned(), BTreeSet::from(["x".to_owned()]));
    assert_eq!(find_cycle(&edges).unwrap(), ["x", "y", "x"]);
}

#[test]
fn the_facade_is_below_the_domain() {
    let edges = graph();
    for low in [
        "kind",
        "context",
        "record",
        "validate",
        "diagnostic",
        "error",
    ] {
        for high in ["api", "rules", "dna", "cci", "indicators", "scoring"] {
            assert!(
                !edges.get(low).is_some_and(|t| t.contains(high)),
                "{low} must not use {high}"
            );
        }
    }
}
