//! Fuzz target `files` (see src/lib.rs): `scripts/fuzz files`.
fn main() {
    afl::fuzz!(|data: &[u8]| mapline_fuzz::run("files", data));
}
