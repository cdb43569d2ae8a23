use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match oewg_kg::cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if !e.use_stderr() => {
            // --help and --version.
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            // Usage errors in one line: clap's message and its hint, without
            // the "For more information" footer.
            let text = e.render().to_string();
            let line: Vec<&str> = text
                .lines()
                .map(str::trim)
                .filter(|l| {
                    !l.is_empty()
                        && !l.starts_with("For more information")
                        && !l.starts_with("Usage:")
                })
                .collect();
            eprintln!("{}", line.join(" "));
            return ExitCode::from(2);
        }
    };
    oewg_kg::cli::prepare(&cli);
    // The SPARQL parser and evaluator recurse once per nesting level; a
    // big stack (reserved, not used, unless a query needs it) lets every
    // query within the nesting limit run.
    let worker = std::thread::Builder::new()
        .stack_size(STACK_BYTES)
        .spawn(move || oewg_kg::cli::run(cli));
    let result = match worker {
        Ok(handle) => handle
            .join()
            .unwrap_or_else(|_| Err(anyhow::anyhow!("internal error (see the message above)"))),
        Err(e) => Err(anyhow::anyhow!("cannot start the worker thread: {e}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // The reader went away (`oewg-kg stats | head`): nothing to say.
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            // One line: the chain of causes, outermost first.
            let line = format!("{e:#}")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            eprintln!("error: {line}");
            ExitCode::FAILURE
        }
    }
}

const STACK_BYTES: usize = 512 << 20;

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
