use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = oewg_kg::cli::Cli::parse();
    match oewg_kg::cli::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // One line: the chain of causes, outermost first.
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
