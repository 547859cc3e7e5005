//! Fuzz target `manifest` (see src/lib.rs): `scripts/fuzz manifest`.
fn main() {
    afl::fuzz!(|data: &[u8]| mapline_fuzz::run("manifest", data));
}
