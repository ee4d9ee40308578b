//! The `suraksha` command: validate records, print schemas and the code
//! catalogue, triage cases, score committees, apply transitions, and run the
//! demo on the embedded sample records.
//!
//! Exit status, by the category of [`suraksha::Error`]: 0 valid / done, 1
//! invalid record (or a report whose every row was rejected; the report is
//! printed), 2 unusable input (unreadable file, malformed JSON, unknown kind,
//! bad options) with a message on stderr, 3 output that could not be written
//! (full disk, closed terminal) with a message on stderr, 4 an internal error
//! (a bug), 141 when the reader closed the pipe (`suraksha profile | head`):
//! quietly, as a process stopped by SIGPIPE would.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use serde::Serialize;
use serde_json::Value;
use suraksha::{api, workflow, Context, Error, Kind, Locale, Options, Report};

#[derive(Parser)]
#[command(
    name = "suraksha",
    version,
    about = "Community child protection records: validate, score, report"
)]
struct Cli {
    /// Message language: en or hi.
    #[arg(long, global = true, default_value = "en")]
    locale: String,
    /// Judge deadlines and future dates as of this date (YYYY-MM-DD); default today.
    #[arg(long, global = true)]
    today: Option<String>,
    /// JSON merge patch of the default rule profile (a file).
    #[arg(long, global = true)]
    profile: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Validate a record of KIND from FILE (or - for stdin); prints the report as JSON.
    Validate { kind: String, file: String },
    /// Validate many records of KIND: NDJSON from FILE (or - for stdin), read a
    /// chunk at a time; prints one `{"row", "report"}` line per record, or with
    /// --summary the counts and the invalid records only. Exit 1 if any is invalid.
    ValidateMany {
        kind: String,
        file: String,
        /// Print only the counts, the diagnostics by code and the invalid records.
        #[arg(long)]
        summary: bool,
    },
    /// Print the JSON Schema of KIND.
    Schema { kind: String },
    /// Write every kind's JSON Schema into DIR (or, with --check, fail if any differs).
    Schemas {
        /// Directory of schema files.
        #[arg(default_value = "schemas")]
        dir: PathBuf,
        /// Compare instead of writing; exit 1 when out of date.
        #[arg(long)]
        check: bool,
    },
    /// List the record kinds.
    Kinds,
    /// List every diagnostic code with its severity and messages.
    Codes,
    /// Print the effective rule profile (the default, patched by --profile).
    Profile,
    /// Triage a case: risk level and the reasons.
    Triage { file: String },
    /// Score a VCPC: functionality index, band and every item.
    Functionality { file: String },
    /// Apply a transition (JSON file) to a case or referral record; prints the new record.
    Transition {
        kind: String,
        record: String,
        transition: String,
    },
    /// The main job on the embedded sample district: check the sample records, then
    /// write the district baseline report (JSON + HTML) to --out and print its summary.
    Demo {
        /// Output directory for report.json and report.html.
        #[arg(long, default_value = "out")]
        out: PathBuf,
    },
    /// Export a case or referral record to share: de-identified by default (ids as
    /// keyed hashes, year of birth, no free text or village); identifying only with
    /// --identifying and a recorded --permission (an order of the CWC, JJB or Special Court).
    Export {
        /// `case` or `referral`.
        kind: String,
        /// The record (or - for stdin).
        file: String,
        /// File holding the secret that keys the hashes (at least 16 bytes);
        /// default: the SURAKSHA_EXPORT_SECRET environment variable.
        #[arg(long)]
        secret_file: Option<PathBuf>,
        /// Keep identifying fields (needs --permission).
        #[arg(long)]
        identifying: bool,
        /// The permission (JSON: authority, order_reference, date, scope).
        #[arg(long)]
        permission: Option<String>,
    },
    /// The district baseline report from your files: a roster (CSV, NDJSON or Parquet) and
    /// optional DNA dataset files (JSON: {villages, blocks, secondary_data}).
    Report {
        /// The child roster file.
        roster: PathBuf,
        /// DNA dataset JSON files or directories of them; their lists are concatenated.
        dna: Vec<PathBuf>,
        /// Output directory for report.json and report.html.
        #[arg(long, default_value = "out")]
        out: PathBuf,
        /// District name for the title.
        #[arg(long, default_value = "District")]
        district: String,
    },
}

/// A failure that makes the input unusable (exit 2).
struct Unusable(String);

/// Exit status of an internal error (a bug in suraksha).
const EXIT_INTERNAL: u8 = 4;

/// The exit for an error, by category: an invalid record prints its report (1),
/// unusable input is a message (2), an internal error a message (4).
fn failed(e: Error) -> Result<ExitCode, Unusable> {
    match e {
        Error::Input(r) => Err(Unusable(first_message(&r))),
        Error::Invalid(r) => {
            print(&r)?;
            Ok(ExitCode::from(1))
        }
        Error::Internal(r) => {
            eprintln!("suraksha: internal error (please report it): {r}");
            Ok(ExitCode::from(EXIT_INTERNAL))
        }
    }
}

/// The first error writing standard output, if any: `main` turns it into exit
/// 141 (closed pipe, quietly) or 3 (any other, with a message), never a panic
/// as `println!` would.
static OUTPUT_ERROR: std::sync::OnceLock<std::io::Error> = std::sync::OnceLock::new();

/// Write to standard output, recording a failure for `main`.
fn emit(args: std::fmt::Arguments<'_>) -> Result<(), Unusable> {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_fmt(args)
        .and_then(|()| stdout.flush())
        .map_err(|e| {
            let message = format!("cannot write output: {e}");
            let _ = OUTPUT_ERROR.set(e);
            Unusable(message)
        })
}

/// `print!` that fails with [`Unusable`] instead of panicking.
macro_rules! out {
    ($($arg:tt)*) => { emit(format_args!($($arg)*)) };
}

/// `println!` that fails with [`Unusable`] instead of panicking.
macro_rules! outln {
    ($($arg:tt)*) => { emit(format_args!("{}\n", format_args!($($arg)*))) };
}

fn read(file: &str) -> Result<String, Unusable> {
    let bytes = if file == "-" {
        let mut b = Vec::new();
        std::io::stdin()
            .read_to_end(&mut b)
            .map_err(|e| Unusable(format!("cannot read standard input: {e}")))?;
        b
    } else {
        std::fs::read(file).map_err(|e| Unusable(format!("cannot read `{file}`: {e}")))?
    };
    // Invalid UTF-8 gets the same coded message as in every other entry point.
    String::from_utf8(bytes).map_err(|e| {
        let detail = format!("invalid UTF-8 at byte {}", e.utf8_error().valid_up_to());
        let report = suraksha::boundary::invalid_text("", &detail, Locale::En);
        Unusable(format!("`{file}`: {}", first_message(&report)))
    })
}

fn json_of(file: &str, locale: Locale) -> Result<Value, Unusable> {
    api::parse_json(&read(file)?, locale)
        .map_err(|r| Unusable(format!("`{file}`: {}", first_message(&r))))
}

fn first_message(r: &Report) -> String {
    r.diagnostics
        .first()
        .map(|d| d.message.clone())
        .unwrap_or_default()
}

fn print<T: Serialize>(value: &T) -> Result<(), Unusable> {
    let text = serde_json::to_string_pretty(value).map_err(|e| Unusable(e.to_string()))?;
    outln!("{text}")?;
    Ok(())
}

fn kind_of(name: &str, locale: Locale) -> Result<Kind, Unusable> {
    Kind::parse(name, locale).map_err(|r| Unusable(first_message(&r)))
}

fn context(cli: &Cli, locale: Locale) -> Result<Context<'static>, Unusable> {
    let profile = match &cli.profile {
        Some(p) => Some(json_of(&p.to_string_lossy(), locale)?),
        None => None,
    };
    let today = match &cli.today {
        Some(t) => Some(
            chrono::NaiveDate::parse_from_str(t, "%Y-%m-%d")
                .map_err(|e| Unusable(format!("--today `{t}` is not a date (YYYY-MM-DD): {e}")))?,
        ),
        None => None,
    };
    Options {
        locale,
        today,
        profile,
        ..Options::default()
    }
    .context()
    .map_err(|e| Unusable(format!("--profile: {}", e.report())))
}

#[path = "cli/batch.rs"]
mod batch;

fn run(cli: &Cli) -> Result<ExitCode, Unusable> {
    let locale = Locale::parse(&cli.locale).ok_or_else(|| {
        Unusable(format!(
            "--locale `{}` is not supported: use en or hi",
            cli.locale
        ))
    })?;
    match &cli.command {
        Command::Validate { kind, file } => {
            let kind = kind_of(kind, locale)?;
            let ctx = context(cli, locale)?;
            let report = match api::validate_str(kind, &read(file)?, &ctx) {
                Ok(report) => report,
                Err(Error::Input(r)) => {
                    print(&r)?;
                    return Err(Unusable(format!("`{file}`: {}", first_message(&r))));
                }
                Err(e) => return failed(e),
            };
            print(&report)?;
            Ok(if report.valid {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        Command::ValidateMany {
            kind,
            file,
            summary,
        } => batch::validate_many(
            kind_of(kind, locale)?,
            file,
            *summary,
            &context(cli, locale)?,
        ),
        Command::Schema { kind } => {
            print(kind_of(kind, locale)?.schema())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Schemas { dir, check } => schemas(dir, *check),
        Command::Kinds => {
            for k in api::kinds() {
                outln!("{k}")?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Codes => {
            print(&suraksha::codes::catalogue())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Profile => {
            print(context(cli, locale)?.profile.as_ref())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Triage { file } => {
            let ctx = context(cli, locale)?;
            outcome(api::triage(&json_of(file, locale)?, &ctx))
        }
        Command::Functionality { file } => {
            let ctx = context(cli, locale)?;
            outcome(api::functionality(&json_of(file, locale)?, &ctx))
        }
        Command::Transition {
            kind,
            record,
            transition,
        } => {
            let kind = kind_of(kind, locale)?;
            let ctx = context(cli, locale)?;
            outcome(
                workflow::apply_transition(
                    kind,
                    &json_of(record, locale)?,
                    &json_of(transition, locale)?,
                    &ctx,
                )
                .map_err(Error::Invalid),
            )
        }
        Command::Demo { out } => {
            let ctx = context(cli, locale)?;
            let code = demo(&ctx)?;
            outln!("")?;
            let dna =
                api::parse_json(SAMPLE_DNA, locale).map_err(|r| Unusable(first_message(&r)))?;
            // The sample is the synthetic district: name its blocks and villages.
            let names = suraksha::dna::generate::villages()
                .into_iter()
                .flat_map(|p| [p.block, p.village])
                .map(|a| (a.lgd_code, a.name))
                .collect();
            let roster = RosterFile::Text(SAMPLE_ROSTER.to_owned());
            district_report(&roster, &[dna], "Madhubani", names, out, &ctx)?;
            Ok(code)
        }
        Command::Export {
            kind,
            file,
            secret_file,
            identifying,
            permission,
        } => {
            let kind = kind_of(kind, locale)?;
            let ctx = context(cli, locale)?;
            let secret = match secret_file {
                Some(p) => std::fs::read(p)
                    .map_err(|e| Unusable(format!("cannot read `{}`: {e}", p.display())))?,
                None => std::env::var("SURAKSHA_EXPORT_SECRET")
                    .map(String::into_bytes)
                    .map_err(|_| {
                        Unusable("give --secret-file or set SURAKSHA_EXPORT_SECRET".into())
                    })?,
            };
            let permission = match permission {
                Some(p) => Some(json_of(p, locale)?),
                None => None,
            };
            outcome(
                suraksha::export::export(
                    kind,
                    &json_of(file, locale)?,
                    &secret,
                    *identifying,
                    permission.as_ref(),
                    &ctx,
                )
                // An export refused for its input (a weak secret, no permission) is invalid input.
                .map_err(suraksha::Error::Invalid),
            )
        }
        Command::Report {
            roster,
            dna,
            out,
            district,
        } => {
            let ctx = context(cli, locale)?;
            let roster = roster_file(roster)?;
            let dna = dna_files(dna, locale)?;
            district_report(&roster, &dna, district, Default::default(), out, &ctx)
        }
    }
}

/// Print a result, or exit by the error's category.
fn outcome<T: Serialize>(result: Result<T, Error>) -> Result<ExitCode, Unusable> {
    match result {
        Ok(v) => {
            print(&v)?;
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => failed(e),
    }
}

fn schemas(dir: &Path, check: bool) -> Result<ExitCode, Unusable> {
    let mut stale = Vec::new();
    if !check {
        std::fs::create_dir_all(dir)
            .map_err(|e| Unusable(format!("cannot create `{}`: {e}", dir.display())))?;
    }
    let mut files: Vec<(String, Value)> = Kind::ALL
        .iter()
        .map(|k| (format!("{}.json", k.as_str()), api::generate_schema(*k)))
        .collect();
    files.push((
        "case_transition.json".into(),
        schemars::schema_for!(workflow::CaseTransition).to_value(),
    ));
    files.push((
        "referral_transition.json".into(),
        schemars::schema_for!(workflow::ReferralTransition).to_value(),
    ));
    files.push((
        "export_permission.json".into(),
        schemars::schema_for!(suraksha::export::Permission).to_value(),
    ));
    files.push((
        "profile.json".into(),
        schemars::schema_for!(suraksha::RuleProfile).to_value(),
    ));
    files.push((
        "options.json".into(),
        schemars::schema_for!(Options).to_value(),
    ));
    files.push((
        "report.json".into(),
        schemars::schema_for!(Report).to_value(),
    ));
    for (name, mut schema) in files {
        suraksha::labels::label_schema(&mut schema);
        let text =
            serde_json::to_string_pretty(&schema).map_err(|e| Unusable(e.to_string()))? + "\n";
        let path = dir.join(&name);
        if check {
            if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
                stale.push(path.display().to_string());
            }
        } else {
            std::fs::write(&path, text)
                .map_err(|e| Unusable(format!("cannot write `{}`: {e}", path.display())))?;
        }
    }
    if stale.is_empty() {
        Ok(ExitCode::SUCCESS)
    } else {
        eprintln!(
            "out of date (run `suraksha schemas {}`): {}",
            dir.display(),
            stale.join(", ")
        );
        Ok(ExitCode::from(1))
    }
}

/// Sample records shipped in `examples/records`, embedded so the demo needs no files.
const SAMPLES: &[(&str, Kind, &str)] = &[
    (
        "vcpc.json",
        Kind::Vcpc,
        include_str!("../../../examples/records/vcpc.json"),
    ),
    (
        "case.json",
        Kind::Case,
        include_str!("../../../examples/records/case.json"),
    ),
    (
        "referral.json",
        Kind::Referral,
        include_str!("../../../examples/records/referral.json"),
    ),
];

/// The sample district embedded for `demo`: roster (generated, see
/// `indicators::generate`) and DNA dataset (see `dna::generate`).
const SAMPLE_ROSTER: &str = include_str!("../../../examples/district/roster.csv");
const SAMPLE_DNA: &str = include_str!("../../../examples/district/dna/dataset.json");

/// The JSON objects of DNA dataset files; a directory stands for its JSON
/// files (sorted), skipping arrays in it (derived outputs such as collations.json).
fn dna_files(files: &[PathBuf], locale: Locale) -> Result<Vec<Value>, Unusable> {
    let mut out = Vec::new();
    for f in files {
        if f.is_dir() {
            let mut inside: Vec<PathBuf> = std::fs::read_dir(f)
                .map_err(|e| Unusable(format!("cannot read `{}`: {e}", f.display())))?
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "json"))
                .collect();
            inside.sort();
            for p in inside {
                let v = json_of(&p.to_string_lossy(), locale)?;
                if v.is_object() {
                    out.push(v);
                }
            }
        } else {
            let v = json_of(&f.to_string_lossy(), locale)?;
            if !v.is_object() {
                return Err(Unusable(format!(
                    "`{}`: a DNA dataset must be a JSON object",
                    f.display()
                )));
            }
            out.push(v);
        }
    }
    Ok(out)
}

/// A roster file as the pipeline's input: Parquet (by extension, feature
/// `parquet`), else CSV or NDJSON text.
enum RosterFile {
    Text(String),
    #[cfg(feature = "parquet")]
    Arrow(Vec<suraksha::columnar::RecordBatch>),
}

fn roster_file(path: &Path) -> Result<RosterFile, Unusable> {
    let parquet = path.extension().is_some_and(|x| x == "parquet");
    if parquet {
        #[cfg(feature = "parquet")]
        {
            let file = std::fs::File::open(path)
                .map_err(|e| Unusable(format!("cannot read `{}`: {e}", path.display())))?;
            let batches = suraksha::columnar::parquet_batches(file)
                .map_err(|r| Unusable(format!("roster: {r}")))?;
            return Ok(RosterFile::Arrow(batches));
        }
        #[cfg(not(feature = "parquet"))]
        return Err(Unusable(format!(
            "`{}`: this build reads CSV and NDJSON rosters; build with `--features parquet` for Parquet",
            path.display()
        )));
    }
    Ok(RosterFile::Text(read(&path.to_string_lossy())?))
}

/// Build, write and summarise the district baseline report.
fn district_report(
    roster: &RosterFile,
    dna: &[Value],
    district: &str,
    names: std::collections::BTreeMap<u32, String>,
    out: &Path,
    ctx: &Context<'_>,
) -> Result<ExitCode, Unusable> {
    use suraksha::pipeline::{DistrictOptions, RosterInput};
    let input = match roster {
        RosterFile::Text(text) => RosterInput::Text(text),
        #[cfg(feature = "parquet")]
        RosterFile::Arrow(batches) => RosterInput::Arrow(batches),
    };
    let options = DistrictOptions {
        district_name: district.to_owned(),
        names,
        ..Default::default()
    };
    // Read first, so the rows accepted and rejected are known for the exit status.
    let (columns, rejected) =
        suraksha::pipeline::roster(input, ctx).map_err(|e| Unusable(e.to_string()))?;
    let input = RosterInput::Columns(&columns, &rejected);
    let report = suraksha::pipeline::district_report(input, dna, options, ctx)
        .map_err(|e| Unusable(e.to_string()))?;
    std::fs::create_dir_all(out)
        .map_err(|e| Unusable(format!("cannot create `{}`: {e}", out.display())))?;
    let json = serde_json::to_string_pretty(&report).map_err(|e| Unusable(e.to_string()))?;
    let write = |name: &str, text: &str| {
        let path = out.join(name);
        std::fs::write(&path, text)
            .map_err(|e| Unusable(format!("cannot write `{}`: {e}", path.display())))
    };
    write("report.json", &json)?;
    write("report.html", &suraksha::report::html(&report))?;
    out!("{}", report.summary())?;
    outln!(
        "\nWrote {} and {}",
        out.join("report.json").display(),
        out.join("report.html").display()
    )?;
    // A report built from no accepted row is not a baseline: say so and fail.
    if columns.is_empty() {
        let _ = writeln!(
            std::io::stderr(),
            "suraksha: no roster row was accepted ({} rejected): the report has no survey figures",
            rejected.len()
        );
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

fn demo(ctx: &Context<'_>) -> Result<ExitCode, Unusable> {
    let mut all_valid = true;
    for (name, kind, text) in SAMPLES {
        let report = api::validate_str(*kind, text, ctx).map_err(|e| Unusable(e.to_string()))?;
        all_valid &= report.valid;
        let warnings = report.diagnostics.len() - report.errors().count();
        outln!(
            "{name:<14} {:<9} {:<8} {} error(s), {warnings} warning(s)",
            kind.as_str(),
            if report.valid { "valid" } else { "INVALID" },
            report.errors().count()
        )?;
        for d in &report.diagnostics {
            outln!(
                "    {:<7} {:<40} {}",
                format!("{:?}", d.severity).to_lowercase(),
                d.path,
                d.message
            )?;
        }
        let value = api::parse_json(text, ctx.locale).unwrap_or_default();
        match kind {
            Kind::Case => {
                if let Ok(t) = api::triage(&value, ctx) {
                    let why: Vec<&str> = t.reasons.iter().map(|r| r.reason.as_str()).collect();
                    outln!("    triage: {:?} ({})", t.level, why.join("; "))?;
                }
            }
            Kind::Vcpc => {
                if let Ok(f) = api::functionality(&value, ctx) {
                    outln!("    functionality: {:.1}/100 ({:?})", f.score, f.band)?;
                }
            }
            _ => {}
        }
    }
    Ok(if all_valid {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = run(&cli);
    match OUTPUT_ERROR.get() {
        Some(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return ExitCode::from(141),
        Some(e) => {
            let _ = writeln!(std::io::stderr(), "suraksha: cannot write output: {e}");
            return ExitCode::from(3);
        }
        None => {}
    }
    match result {
        Ok(code) => code,
        Err(Unusable(message)) => {
            let _ = writeln!(std::io::stderr(), "suraksha: {message}");
            ExitCode::from(2)
        }
    }
}
