//! `shiftdesk completions SHELL` and `shiftdesk man`: shell completions (clap_complete) and
//! the man page (clap_mangen), generated from the same clap definitions as the commands
//! themselves, so they never fall behind. Both print to standard output.

use super::Cli;
use anyhow::{Context, Result};
use clap::CommandFactory;
use std::io::Write;
use std::process::ExitCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
}

#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// bash, zsh or fish
    #[arg(value_enum)]
    pub shell: Shell,
}

pub(super) fn completions(args: CompletionsArgs) -> Result<ExitCode> {
    let shell = match args.shell {
        Shell::Bash => clap_complete::Shell::Bash,
        Shell::Zsh => clap_complete::Shell::Zsh,
        Shell::Fish => clap_complete::Shell::Fish,
    };
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut offered(), "shiftdesk", &mut out);
    write_out(&out)
}

/// The command line as it is offered to people: the commands kept for tests (hidden from
/// --help and the man page) are not completed either.
fn offered() -> clap::Command {
    let full = Cli::command();
    let shown: Vec<clap::Command> = full
        .get_subcommands()
        .filter(|s| !s.is_hide_set())
        .cloned()
        .collect();
    clap::Command::new("shiftdesk")
        .version(env!("CARGO_PKG_VERSION"))
        .args(full.get_arguments().cloned())
        .subcommands(shown)
}

pub(super) fn man() -> Result<ExitCode> {
    let mut out = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut out)
        .context("rendering the man page")?;
    write_out(&out)
}

fn write_out(bytes: &[u8]) -> Result<ExitCode> {
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(bytes)
        .and_then(|()| stdout.flush())
        .context("writing to standard output")?;
    Ok(ExitCode::SUCCESS)
}
