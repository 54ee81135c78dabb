// Select the account from the list, then update the set of flags it shows.
pub fn label(count: usize) -> String {
    let prompt = "Select a region";
    let hint = 'x';
    format!("{prompt} ({count} accounts); don't delete from the list.")
}
