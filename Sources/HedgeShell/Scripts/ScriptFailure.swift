/// A script stopped at an error; `message` is already `FILE:LINE: message`, printed once however
/// deeply `run` commands nest.
struct ScriptFailure: Error {
    var message: String
}
