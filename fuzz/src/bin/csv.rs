//! Fuzz target `csv` (see src/lib.rs): `scripts/fuzz csv`.
fn main() {
    afl::fuzz!(|data: &[u8]| mapline_fuzz::run("csv", data));
}
