// TeX -> MathML with Temml, one long-lived process per build.
// Protocol: one JSON line in, {"macros": {...}, "items": [{"tex": "...", "display": bool}]},
// one JSON line out, [{"mathml": "..."} | {"error": "..."}] in the same order.
import { createInterface } from "node:readline";
import temml from "temml";

const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  const { macros, items } = JSON.parse(line);
  const out = items.map(({ tex, display }) => {
    try {
      return {
        mathml: temml.renderToString(tex, {
          displayMode: display,
          macros: { ...macros },
          throwOnError: true,
          annotate: true, // keeps the TeX source for copy and screen readers
        }),
      };
    } catch (err) {
      return { error: String(err.message || err) };
    }
  });
  process.stdout.write(JSON.stringify(out) + "\n");
}
