/// A script stopped at an error; `message` is already `FILE:LINE: message`, printed once however
/// deeply `run` commands nest. `workspace` is the workspace with the script's commands before the
/// error applied: like a shell, a script keeps what it did before it failed.
struct ScriptFailure: Error {
    var message: String
    var workspace: Workspace
}
