//! `isnad check-config`: loads the config, keymap and theme exactly as the app does and prints
//! every problem as `FILE:LINE:COLUMN: message`; exits non-zero when there are any.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use crate::config::{Paths, Settings, no_color_requested};

pub fn run(
    config: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitCode, String> {
    let paths = Paths::resolve(config);
    let settings = Settings::load(&paths, no_color_requested());
    let io = |e: std::io::Error| format!("writing output: {e}");
    if settings.problems.is_empty() {
        writeln!(
            out,
            "{}: ok (keymap {}, theme {})",
            paths.config_file.display(),
            paths.keymap_file().display(),
            settings.theme.name
        )
        .map_err(io)?;
        return Ok(ExitCode::SUCCESS);
    }
    for problem in &settings.problems {
        writeln!(err, "{problem}").map_err(io)?;
    }
    writeln!(
        err,
        "{} problem{} found; isnad starts with the defaults for what is wrong",
        settings.problems.len(),
        if settings.problems.len() == 1 {
            ""
        } else {
            "s"
        }
    )
    .map_err(io)?;
    Ok(ExitCode::FAILURE)
}

/// The `--print-config-dir` report.
pub fn describe_paths(paths: &Paths) -> String {
    format!(
        "config: {}\nkeymap: {}\nthemes: {}\ndata:   {}\nlogs:   {}\n",
        paths.config_file.display(),
        paths.keymap_file().display(),
        paths.themes_dir().display(),
        paths.data_dir.display(),
        paths.log_dir.display()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_problems_and_fails() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("config.toml");
        std::fs::write(&file, "[reader]\nbidi = 3\n").expect("write");
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let code = run(Some(&file), &mut out, &mut err).expect("runs");
        assert_eq!(code, ExitCode::FAILURE);
        let err = String::from_utf8(err).expect("utf8");
        assert!(
            err.starts_with(&format!(
                "{}:2:8: reader.bidi: expected one of",
                file.display()
            )),
            "{err}"
        );
        std::fs::write(&file, "[reader]\nbidi = \"off\"\n").expect("write");
        let (mut out, mut err) = (Vec::new(), Vec::new());
        assert_eq!(
            run(Some(&file), &mut out, &mut err).expect("runs"),
            ExitCode::SUCCESS
        );
        assert!(String::from_utf8(out).expect("utf8").contains(": ok"));
    }
}
