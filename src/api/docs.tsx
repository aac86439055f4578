/**
 * `/api/docs`: the OpenAPI document as a readable page, rendered on the server (no CDN, no script): every route with
 * its parameters, body fields and answers, and a curl line to copy.
 */
import type { OpenAPIObject } from 'openapi3-ts/oas31';

type Schema = { type?: string | string[]; enum?: unknown[]; description?: string; properties?: Record<string, Schema>; required?: string[]; $ref?: string; items?: Schema; anyOf?: Schema[]; example?: unknown };

function typeOf(schema: Schema | undefined): string {
  if (!schema) return '';
  if (schema.$ref) return schema.$ref.split('/').pop()!;
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (schema.anyOf) return schema.anyOf.map(typeOf).join(' | ');
  if (schema.type === 'array') return `${typeOf(schema.items)}[]`;
  return Array.isArray(schema.type) ? schema.type.join(' | ') : schema.type ?? 'object';
}

function Fields({ schema, doc }: { schema: Schema | undefined; doc: OpenAPIObject }) {
  const resolved = schema?.$ref ? (doc.components?.schemas?.[schema.$ref.split('/').pop()!] as Schema) : schema;
  if (!resolved?.properties) return <code>{typeOf(schema)}</code>;
  return (
    <table>
      <tbody>
        {Object.entries(resolved.properties).map(([name, prop]) => (
          <tr>
            <td><code>{name}</code>{resolved.required?.includes(name) ? ' *' : ''}</td>
            <td><code>{typeOf(prop)}</code></td>
            <td>{prop.description ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The reference page of `doc`, its curl lines addressed to `origin` ("https://armoniza.example.org"). */
export function renderApiDocs(doc: OpenAPIObject, origin: string): string {
  const routes = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    (['get', 'post', 'patch', 'put', 'delete'] as const).filter((m) => item[m]).map((method) => ({ path, method, op: item[method]! })),
  );
  const page = (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{doc.info.title} — reference</title>
        <style>{`body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
section{border-top:1px solid #ddd;padding:.5rem 0}h2{font-size:1.05rem}code{background:#f3f3f3;padding:0 .2rem}
.m{display:inline-block;min-width:4rem;font-weight:700}.get{color:#05662f}.post,.patch{color:#8a3b00}
table{border-collapse:collapse}td{border-bottom:1px solid #eee;padding:.15rem .5rem;vertical-align:top}pre{background:#f6f6f6;padding:.5rem;overflow:auto}`}</style>
      </head>
      <body>
        <h1>{doc.info.title}</h1>
        <p>{doc.info.description}</p>
        <p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1).</p>
        {routes.map(({ path, method, op }) => {
          const example = `curl${method === 'get' ? '' : ` -X ${method.toUpperCase()} -H 'Authorization: Bearer $TOKEN' -H 'Content-Type: application/json' -d '{…}'`} ${origin}/api${path.replace(/\{(\w+)\}/g, ':$1')}`;
          const requestBody = (op.requestBody as { content?: Record<string, { schema?: Schema }> } | undefined)?.content?.['application/json']?.schema;
          return (
            <section id={`${method}-${path}`}>
              <h2><span class={`m ${method}`}>{method.toUpperCase()}</span> <code>/api{path}</code> — {op.summary}</h2>
              {op.parameters?.length ? (
                <p>Parameters: {(op.parameters as { name: string; in: string; schema?: Schema }[]).map((p) => <span><code>{p.name}</code> ({p.in}, {typeOf(p.schema)}) </span>)}</p>
              ) : null}
              {requestBody ? <div>Body: <Fields schema={requestBody} doc={doc} /></div> : null}
              <p>Answers: {Object.entries(op.responses ?? {}).map(([code, r]) => <span><code>{code}</code> {(r as { description?: string }).description}; </span>)}</p>
              <pre>{example}</pre>
            </section>
          );
        })}
      </body>
    </html>
  );
  return `<!doctype html>${page}`;
}
