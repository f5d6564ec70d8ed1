// Problems in the manifests, as the model reports them and the view lists them: the view takes the shape
// and the one question it asks of a list (any errors?) from here, never from src/model.
export { type Diagnostic, hasErrors, type Severity } from "../model/diagnostics";
