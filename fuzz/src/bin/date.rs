//! Fuzz target `date` (see src/lib.rs): `scripts/fuzz date`.
fn main() {
    afl::fuzz!(|data: &[u8]| mapline_fuzz::run("date", data));
}
