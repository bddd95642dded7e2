//! Command-line definitions (clap). `main.rs` parses these and dispatches; each subcommand's
//! work lives in `crate::commands`.

use std::error::Error;
use std::path::PathBuf;
use std::str::FromStr;

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{Args, Parser, Subcommand};

use crate::annotate::formats::Format as ExportFormat;
use crate::annotate::report::ReportFormat;
use crate::extract::import::Format as ImportFormat;
use crate::text::bidi::{BidiMode, Direction};

/// Parses one of the names of an engine type (the engine owns the type and its names; clap only
/// lists them in `--help` and completions, and rejects anything else with its usual message).
fn one_of<T>(names: impl IntoIterator<Item = PossibleValue>) -> impl TypedValueParser<Value = T>
where
    T: FromStr + Clone + Send + Sync + 'static,
    T::Err: Into<Box<dyn Error + Send + Sync>>,
{
    PossibleValuesParser::new(names).try_map(|s| s.parse::<T>())
}

fn bidi_modes() -> impl TypedValueParser<Value = BidiMode> {
    one_of(BidiMode::ALL.map(|m| PossibleValue::new(m.name())))
}

fn directions() -> impl TypedValueParser<Value = Direction> {
    one_of(Direction::ALL.map(|d| PossibleValue::new(d.name())))
}

fn report_formats() -> impl TypedValueParser<Value = ReportFormat> {
    one_of(ReportFormat::ALL.map(|f| PossibleValue::new(f.name()).help(f.description())))
}

fn import_formats() -> impl TypedValueParser<Value = ImportFormat> {
    one_of(ImportFormat::ALL.map(|f| PossibleValue::new(f.name())))
}

fn export_formats() -> impl TypedValueParser<Value = ExportFormat> {
    one_of(ExportFormat::ALL.map(|f| PossibleValue::new(f.name()).help(f.description())))
}

/// isnad: read and annotate Arabic news articles in the terminal.
///
/// With no subcommand, opens FILE (or the bundled sample article) in the full-screen reader;
/// a folder or several files open the library.
#[derive(Debug, Parser)]
#[command(name = "isnad", version, about, long_about = None)]
pub struct Cli {
    /// Article to open in the reader (.txt, .md, .html or .json), or an http(s) address: the
    /// page is fetched, reduced to its article and kept in the data folder for offline reading.
    /// A folder or several files open the library of those articles. Without it, the bundled
    /// sample opens.
    #[arg(value_name = "FILE|URL")]
    pub files: Vec<PathBuf>,

    /// With an http(s) address: fetch the page again even when a copy is saved (annotations
    /// are re-anchored when its text changed).
    #[arg(long, global = true)]
    pub refresh: bool,

    /// Annotation file to use instead of `ARTICLE.isnad.json` next to the article.
    #[arg(long, value_name = "PATH", global = true)]
    pub annotations: Option<PathBuf>,

    /// How right-to-left text is drawn: app (isnad does bidi and shaping), terminal
    /// (logical order for terminals that do bidi themselves), off (raw).
    #[arg(long, global = true, value_parser = bidi_modes())]
    pub bidi: Option<BidiMode>,

    /// Colour theme for this run, overriding the configuration: auto (light or dark, from the
    /// terminal's background), dark, light, mono, or a theme file's name.
    #[arg(long, value_name = "NAME", env = "ISNAD_THEME")]
    pub theme: Option<String>,

    /// Configuration file to use instead of the default location.
    #[arg(long, value_name = "FILE", env = "ISNAD_CONFIG", global = true)]
    pub config: Option<PathBuf>,

    /// Print where configuration, data and logs live, then exit.
    #[arg(long)]
    pub print_config_dir: bool,

    /// Write a log file (in the log folder of --print-config-dir); also ISNAD_LOG=1.
    #[arg(short, long, global = true)]
    pub verbose: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print an article laid out for the terminal (a bidi-aware `cat`).
    Render(RenderArgs),
    /// List the items of RSS or Atom feeds (addresses or files; default: `feeds` in the
    /// configuration) with their date, source and whether you read or annotated them.
    Feed(FeedArgs),
    /// Run the built-in extractor on articles and print or write suggestions.
    Extract(ExtractArgs),
    /// Merge external extractions (Stanza, spaCy, HF, CoNLL, brat, interchange) as suggestions.
    Import(ImportArgs),
    /// Export an article's annotations to brat, W3C Web Annotation, CSV or schema.org ClaimReview.
    Export(ExportArgs),
    /// A readable report of an article's isnad: claims, chains, stances, verdicts and the tree.
    Report(ReportArgs),
    /// Check an annotation file against the format; exits non-zero on problems.
    Validate(ValidateArgs),
    /// Score the built-in extractor against a gold CoNLL file or a folder of gold annotation files.
    Eval(EvalArgs),
    /// Train the learned attribution stage on gold folders and measure it against the rules.
    Learn(LearnArgs),
    /// Agreement between annotators: span F1, Cohen's κ and Krippendorff's α per layer.
    Agree(AgreeArgs),
    /// List the differences between two annotators' files of one article.
    Compare(CompareArgs),
    /// Git merge driver for annotation files (`%O %A %B --path %P`; see `git-setup`).
    Merge(MergeArgs),
    /// Make a git repository merge annotation files with `isnad merge`.
    GitSetup(GitSetupArgs),
    /// Check the configuration, keymap and theme files; exits non-zero on problems.
    CheckConfig,
    /// Print shell completions.
    Completions(CompletionsArgs),
}

#[derive(Debug, Clone, Args)]
pub struct RenderArgs {
    /// Article to render: a file or an http(s) address.
    #[arg(value_name = "FILE|URL")]
    pub file: PathBuf,
    /// Line width in cells (default: the terminal's width, or 80 when not a terminal).
    #[arg(long, short)]
    pub width: Option<u16>,
    /// Paragraph direction: auto (first strong character), rtl or ltr.
    #[arg(long, default_value = "auto", value_parser = directions())]
    pub direction: Direction,
    /// Print JSON Lines, one object per visual row, instead of text.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct FeedArgs {
    /// Feeds: http(s) addresses or files. Without any, the `feeds` of the configuration.
    #[arg(value_name = "URL|FILE")]
    pub sources: Vec<String>,
    /// Print the items instead of opening them in the library (the default when the output
    /// is not a terminal).
    #[arg(long)]
    pub print: bool,
    /// Line width in cells when printing (default: the terminal's width, or 80).
    #[arg(long, short)]
    pub width: Option<u16>,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Articles or folders of articles (`.txt`).
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Print a complete annotation document (JSON) instead of a summary.
    #[arg(long)]
    pub json: bool,
    /// With several articles: write one `ARTICLE.extract.json` per article into this folder.
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The article the extractions belong to.
    pub article: PathBuf,
    /// The file with the extractions.
    pub file: PathBuf,
    /// The format of FILE; auto guesses it from the file name and content.
    #[arg(long, default_value = "auto", value_parser = import_formats())]
    pub format: ImportFormat,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The article (its annotation file is found next to it) or an annotation file.
    pub file: PathBuf,
    #[arg(long, value_parser = export_formats())]
    pub to: ExportFormat,
    /// Where to write (a folder for brat; a file otherwise). Default: next to the article.
    #[arg(long, short, value_name = "PATH")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The article (its annotation file is found next to it) or an annotation file.
    pub file: PathBuf,
    #[arg(long, default_value = "md", value_parser = report_formats())]
    pub format: ReportFormat,
    /// Write to PATH instead of standard output.
    #[arg(long, short, value_name = "PATH")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Annotation file to check.
    pub file: PathBuf,
    /// The article it belongs to (default: the `document.path` in the file, if found).
    #[arg(long)]
    pub article: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Gold standard: a CoNLL / IOB2 file (Wojood nested layers allowed), or a folder of
    /// articles with gold annotation files (`STEM.txt` beside `STEM.isnad.json`), such as
    /// tests/data/attribution.
    #[arg(long)]
    pub gold: PathBuf,
    /// With a CoNLL file: the article or text file; by default the text is rebuilt from the
    /// gold tokens.
    pub article: Option<PathBuf>,
    /// With a gold folder: score only this half of its `split.toml`.
    #[arg(long, value_enum)]
    pub split: Option<EvalSplit>,
    /// With a gold folder: list every miss, false alarm, boundary and label error with its
    /// place (look at them on the dev half only).
    #[arg(long)]
    pub errors: bool,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct LearnArgs {
    /// A folder of gold annotation files to train on (repeat for several); a folder with a
    /// `split.toml` needs `--split dev`.
    #[arg(long, required = true)]
    pub gold: Vec<PathBuf>,
    /// In folders with a `split.toml`, read only this half (only `dev` is ever trained on).
    #[arg(long, value_enum)]
    pub split: Option<LearnSplit>,
    /// Write the trained model here (feature weights and thresholds; `isnad extract` does not read
    /// it yet: docs/extraction/learned.md).
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Score the rules alone and the model trained on `--gold` on this folder (repeatable),
    /// over a grid of thresholds: cross-validation by set.
    #[arg(long)]
    pub held_out: Vec<PathBuf>,
    /// List what the model adds on each `--held-out` folder, right or wrong by its gold.
    #[arg(long)]
    pub show: bool,
    /// List the gold attributions of the `--gold` folders that no candidate reaches.
    #[arg(long)]
    pub misses: bool,
    /// Train on this share of each `--gold` folder's articles (spread evenly over them): a
    /// learning curve, how much gold the model needs.
    #[arg(long, default_value_t = 1.0)]
    pub share: f64,
    /// Train a per-cue ranking (a softmax over a cue's readings and none) instead of an
    /// independent logistic score per reading.
    #[arg(long)]
    pub rank: bool,
    /// Drop a rules' attribution the model scores below this.
    #[arg(long, default_value_t = 0.0)]
    pub keep: f64,
    /// Add a new attribution the model scores at or above this (the default is the
    /// cross-validated choice, docs/extraction/learned.md).
    #[arg(long, default_value_t = 0.95)]
    pub add: f64,
    /// Let another reading of a cue the rules used replace theirs when it scores this much
    /// higher (1: never).
    #[arg(long, default_value_t = 0.2)]
    pub replace: f64,
}

/// The half of a gold folder the learned stage may train on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LearnSplit {
    Dev,
}

/// A half of the gold corpus's split.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum EvalSplit {
    Dev,
    Test,
}

#[derive(Debug, Args)]
pub struct AgreeArgs {
    /// Each annotator's annotation file, or folder of them (paired by document.text_sha256).
    #[arg(required = true, num_args = 2.., value_name = "FILE_OR_DIR")]
    pub paths: Vec<PathBuf>,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// Annotator A's annotation file.
    pub a: PathBuf,
    /// Annotator B's annotation file (of the same article).
    pub b: PathBuf,
    /// Write one annotation file: agreements once, both sides of every difference.
    #[arg(long, value_name = "MERGED.json")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct MergeArgs {
    /// The common ancestor's version (git's %O; empty when there is none).
    pub base: PathBuf,
    /// Our version (git's %A); the result is written here.
    pub ours: PathBuf,
    /// Their version (git's %B).
    pub theirs: PathBuf,
    /// The file's path in the working tree (git's %P), to find the article beside it.
    #[arg(long)]
    pub path: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct GitSetupArgs {
    /// A folder inside the repository (default: the current one).
    pub dir: Option<PathBuf>,
    /// Set up the user's git config and attributes file instead of the repository's.
    #[arg(long)]
    pub global: bool,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// Shell to generate completions for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        super::Cli::command().debug_assert();
    }
}
