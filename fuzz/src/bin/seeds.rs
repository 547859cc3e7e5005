//! Writes the seed corpus of each target to `<out>/<target>/`, from the
//! repository's fixtures and sample data (`mapline_fuzz::seeds`):
//! `seeds <repository root> <out> [target…]`.
use std::path::PathBuf;

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(root), Some(out)) = (args.next(), args.next()) else {
        eprintln!("usage: seeds <repository root> <out> [target…]");
        std::process::exit(2);
    };
    let (root, out) = (PathBuf::from(root), PathBuf::from(out));
    let mut targets: Vec<String> = args.collect();
    if targets.is_empty() {
        targets = mapline_fuzz::TARGETS
            .iter()
            .map(|(name, _)| name.to_string())
            .collect();
    }
    for target in targets {
        let dir = out.join(&target);
        std::fs::create_dir_all(&dir).expect("create the corpus folder");
        let seeds = mapline_fuzz::seeds(&target, &root);
        for (name, bytes) in &seeds {
            std::fs::write(dir.join(name), bytes).expect("write a seed");
        }
        println!("{target}: {} seeds", seeds.len());
    }
}
