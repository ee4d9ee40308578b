//! The command's output failures (issue 10): a reader that closes the pipe
//! early ends the command quietly, a full disk gives exit 3 with a message,
//! and a district report whose every roster row was rejected exits 1.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: fail loudly

use std::io::Read;
use std::process::{Command, Stdio};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_suraksha"));
    c.current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."));
    c
}

#[test]
fn closed_pipe_ends_quietly() {
    // `suraksha codes | head -c 1`: the reader goes away after one byte.
    let mut child = bin()
        .arg("codes")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut one = [0u8; 1];
    stdout.read_exact(&mut one).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    // Either the whole catalogue fit in the pipe buffer before the reader left
    // (exit 0) or the write failed (141): never 101 with a backtrace.
    assert!(
        matches!(out.status.code(), Some(0) | Some(141)),
        "{:?} {stderr}",
        out.status
    );
}

#[test]
fn closed_pipe_on_large_output_exits_141() {
    // The reader is gone before the command starts, so its first write fails
    // with EPIPE (closing it after the spawn raced the write: a catalogue that
    // fit in the pipe's buffer exited 0).
    #[allow(clippy::incompatible_msrv)] // std::io::pipe is 1.87; tests run on the current toolchain
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let out = bin()
        .arg("codes")
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(141), "{stderr}");
    assert!(
        stderr.is_empty(),
        "a closed pipe is not an error to report: {stderr}"
    );
}

#[test]
fn full_disk_exits_3_with_a_message() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        return; // no /dev/full on this system
    };
    let out = bin()
        .arg("profile")
        .stdout(full)
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    assert!(stderr.contains("cannot write output"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn report_with_every_row_rejected_exits_1() {
    let dir = std::env::temp_dir().join(format!("suraksha-rejected-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let roster = dir.join("roster.csv");
    // A header and rows that all break the roster's rules (age 99 is out of scope).
    std::fs::write(
        &roster,
        "district,block,village,household,sex,age,birth_date,survey_date,school_status,work,work_hours,marital_status,age_at_marriage,birth_registered,disability,social_group\n\
         223,2301,210110,H1,female,99,,2026-10-01,,none,,never_married,,true,false,obc\n\
         223,2301,210110,H2,male,99,,2026-10-01,,none,,never_married,,true,false,obc\n",
    )
    .unwrap();
    let out = bin()
        .arg("report")
        .arg(&roster)
        .arg("--out")
        .arg(dir.join("out"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("no roster row was accepted"), "{stderr}");
    let _ = std::fs::remove_dir_all(&dir);
}
