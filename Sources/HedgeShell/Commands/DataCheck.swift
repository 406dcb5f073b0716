import HedgeCore

/// The `fingerprint` keyword that `save` writes on every load: replaying checks that the data are still
/// what they were, and warns (or, under `--strict` / `run … strict`, fails) when they are not.
enum DataCheck {
    static let option = OptionSpec("fingerprint", .text, placeholder: "F")

    static func parse(_ arguments: ArgumentList) throws(ShellError) -> (token: Token, value: DataFingerprint)? {
        guard let token = arguments.value("fingerprint") else { return nil }
        guard let value = DataFingerprint(text: token.text) else {
            throw ShellError("'\(token.text)' is not a data fingerprint (written by `save`)", at: token)
        }
        return (token, value)
    }

    /// Compares the loaded dataset with the saved fingerprint. A fingerprint saved before `load` left
    /// open, high, low and close in the files covers every field: when the loaded fields do not match,
    /// the dataset with every field is compared too, so such scripts replay without a false warning.
    /// `current` is the loaded panel's own fingerprint (computed once by the load, which also saves it).
    static func verify(_ saved: (token: Token, value: DataFingerprint)?, current: DataFingerprint?, dataset: DatasetObject,
                       loadName: String, context: CommandContext) throws(ShellError) {
        guard let saved, saved.value != current,
              let change = DataFingerprint.change(from: saved.value, to: dataset.panel) else { return }
        if dataset.deferred != nil, let full = try? dataset.including(dataset.availableFields).panel,
           DataFingerprint.change(from: saved.value, to: full) == nil {
            return
        }
        let message = "the data of \(loadName) changed since the script was saved: \(change)"
        if context.environment.strict { throw ShellError(message + " (strict)", at: saved.token) }
        context.show("warning: " + message)
    }
}
