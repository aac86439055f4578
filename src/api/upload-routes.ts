/**
 * Uploads: `POST /api/uploads` (multipart, field `file`) reads a PDF, DOCX, text, Markdown or HTML file, stores the
 * original with its provenance, and answers with the extracted text and its provisions, ready to become a version
 * (`fileId` in POST /api/bills/:id/versions), a model (`fileId` in POST /api/models) or to be compared.
 * `GET /api/files/:id` downloads the original exactly as it was read.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import { getFile, storeFile } from '../db/files.js';
import { extractDocument, IngestError } from '../ingest/index.js';
import { notFound, UserError } from '../lib/errors.js';
import { segmentUnits } from '../text/index.js';
import { ErrorBody } from './schemas.js';
import { jsonResponse, bearer } from './openapi.js';

/** Largest upload, in bytes (20 MiB). */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;


const UploadResult = z
  .object({
    fileId: z.string(),
    text: z.string(),
    provenance: z.object({ sha256: z.string(), size: z.number(), type: z.string(), mediaType: z.string(), pages: z.number().nullable(), warnings: z.array(z.string()), filename: z.string().optional() }).passthrough(),
    provisions: z.array(z.object({ ref: z.string(), kind: z.string(), label: z.string(), words: z.number() })),
    warnings: z.array(z.string()),
  })
  .openapi('Upload');

/**
 * Reads an uploaded file into text; an unreadable file becomes a `UserError` with the ingest's status and message.
 *
 * @example
 * const extracted = await readUpload(file); // { text, provenance }
 */
export async function readUpload(file: File) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    return { bytes, extracted: await extractDocument(bytes, { filename: file.name, maxBytes: MAX_UPLOAD_BYTES }) };
  } catch (e) {
    if (e instanceof IngestError) throw new UserError(e.status, `file: ${e.message}`, 'file', e.code);
    throw e;
  }
}

export function registerUploadRoutes(api: OpenAPIHono<AppEnv>) {
  api.openapi(
    createRoute({
      method: 'post', path: '/uploads', tags: ['Uploads'], summary: 'Read a PDF, DOCX or text file into provisions, keeping the original', security: bearer,
      request: { body: { content: { 'multipart/form-data': { schema: z.object({ file: z.any().openapi({ type: 'string', format: 'binary' }) }) } }, required: true } },
      responses: {
        201: jsonResponse(UploadResult, 'What was read, and the stored original'),
        400: jsonResponse(ErrorBody, 'No file, or an empty one'),
        401: jsonResponse(ErrorBody, 'Missing or wrong token'),
        413: jsonResponse(ErrorBody, 'Over 20 MiB'),
        415: jsonResponse(ErrorBody, 'Not a PDF, DOCX or text, or the extension lies'),
        422: jsonResponse(ErrorBody, 'Corrupt, encrypted, scanned without a text layer, or a zip bomb'),
      },
    }),
    async (c) => {
      let form: FormData;
      try {
        form = await c.req.formData();
      } catch {
        throw new UserError(400, 'body: expected multipart/form-data with a field "file"', 'file');
      }
      const file = form.get('file');
      if (!(file instanceof File)) throw new UserError(400, 'file: the form has no file in the field "file"', 'file');
      const { bytes, extracted } = await readUpload(file);
      const doc = segmentUnits(extracted.text);
      const fileId = await storeFile(c.var.store, c.var.actor!.id, bytes, extracted);
      return c.json(
        {
          fileId,
          text: extracted.text,
          provenance: extracted.provenance,
          provisions: doc.units.map((u) => ({ ref: u.ref, kind: u.kind, label: u.label, words: u.text.split(/\s+/).filter(Boolean).length })),
          warnings: doc.warnings,
        },
        201,
      );
    },
  );

  api.get('/files/:id', async (c) => {
    const id = c.req.param('id');
    const file = await getFile(c.var.store, id);
    if (!file) throw notFound('file', id);
    c.header('Content-Type', file.mediaType);
    c.header('Content-Disposition', `attachment; filename="${(file.filename ?? `${file.id}`).replace(/[^\w.\- ]/g, '_')}"`);
    c.header('X-Content-SHA256', file.sha256);
    return c.body(file.bytes as Uint8Array<ArrayBuffer>);
  });
}
