// The browser build: initialise once, then the same synchronous API.
import init, { validate } from "../pkg/web/suraksha_wasm.js";

export async function start(): Promise<void> {
  await init();
  const r = validate("case", "{}", { locale: "en" });
  if (r.type === "failure") for (const d of r.diagnostics) console.log(d.path, d.message);
}
