/**
 * Reading an import file as a stream of conversation items: JSON Lines line by line (readline), CSV record by
 * record (csv-parse) with consecutive rows grouped per conversation. Nothing holds the whole file in memory.
 */
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { PassThrough, type Readable, Transform } from "node:stream";
import { parse } from "csv-parse";
import {
  CSV_COLUMNS,
  CsvGrouper,
  groupToConversation,
  mapCsvHeader,
  type CsvGroup,
  type CsvHeader,
} from "./csv-format";
import { isBlankLine, parseJsonLine, type SourceItem } from "./pipeline";

export type ImportFileFormat = "jsonl" | "csv";

/** A problem with the file as a whole: the batch fails with this code (qa-import:fileErrors.*) and detail. */
export class ImportFileError extends Error {
  constructor(
    readonly code: "file-missing" | "file-too-large" | "missing-columns" | "csv-syntax" | "empty-file",
    readonly detail: string | null = null,
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = "ImportFileError";
  }
}

const SNIFF_BYTES = 64 * 1024;

/**
 * UTF-8 text stream from raw bytes. Exports from Chinese spreadsheet tools are often GB18030 (GBK): the first
 * 64 KB decide, as for the user import.
 */
function decodedStream(input: Readable): Readable {
  let decoder: TextDecoder | null = null;
  let head: Buffer[] = [];
  let headBytes = 0;
  const output = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      if (decoder) return callback(null, decoder.decode(chunk, { stream: true }));
      head.push(chunk);
      headBytes += chunk.length;
      if (headBytes < SNIFF_BYTES) return callback();
      callback(null, startDecoding());
    },
    flush(callback) {
      const text = decoder ? "" : startDecoding();
      callback(null, text + decoder!.decode());
    },
  });
  function startDecoding(): string {
    const bytes = Buffer.concat(head);
    head = [];
    try {
      // stream: true tolerates a character cut in half at the end of the sample.
      new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream: true });
      decoder = new TextDecoder("utf-8");
    } catch {
      decoder = new TextDecoder("gb18030");
    }
    return decoder.decode(bytes, { stream: true });
  }
  input.on("error", (error) => output.destroy(error));
  return input.pipe(output);
}

export interface FileSource {
  items: AsyncIterable<SourceItem>;
  /** Bytes of the file consumed so far (for the progress bar). */
  bytesRead: () => number;
}

export function openFileSource(path: string, format: ImportFileFormat): FileSource {
  const file = createReadStream(path, { highWaterMark: 256 * 1024 });
  const text = decodedStream(file);
  return {
    items: format === "csv" ? csvItems(text) : jsonlItems(text),
    bytesRead: () => file.bytesRead,
  };
}

/** Same readers over an in-memory string (tests, pasted samples). */
export function textSource(content: string, format: ImportFileFormat): AsyncIterable<SourceItem> {
  const stream = new PassThrough();
  stream.end(Buffer.from(content, "utf8"));
  const text = decodedStream(stream);
  return format === "csv" ? csvItems(text) : jsonlItems(text);
}

export async function* jsonlItems(input: Readable): AsyncGenerator<SourceItem> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  let any = false;
  for await (const text of lines) {
    line += 1;
    if (isBlankLine(text)) continue;
    any = true;
    const parsed = parseJsonLine(text, line);
    yield parsed.ok
      ? { kind: "conversation", line, raw: parsed.value }
      : { kind: "rejection", rejection: parsed.rejection };
  }
  if (!any) throw new ImportFileError("empty-file");
}

function groupItem(header: CsvHeader, group: CsvGroup): SourceItem {
  if (group.externalId === "") {
    return { kind: "rejection", rejection: { line: group.line, externalId: null, reason: "missing-id", detail: null } };
  }
  const result = groupToConversation(header, group);
  if (!result.ok) {
    return {
      kind: "rejection",
      rejection: { line: result.line, externalId: group.externalId, reason: result.reason, detail: result.detail },
    };
  }
  return { kind: "conversation", line: group.line, raw: result.raw, rowLines: result.rowLines };
}

type ParsedRecord = { record: string[]; lines: number };

/**
 * Records of a CSV stream, a chunk at a time. Records are captured as the parser produces them (on_record), not
 * read from its output stream: a syntax error destroys the stream and would drop records parsed before it, and
 * those complete conversations should still be imported.
 */
async function* csvRecords(input: Readable): AsyncGenerator<ParsedRecord> {
  const parsed: ParsedRecord[] = [];
  let failure: unknown = null;
  const parser = parse({
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    on_record: (record: string[], context) => {
      parsed.push({ record, lines: context.lines });
      return null;
    },
  });
  parser.on("error", (error) => {
    failure ??= error;
  });
  parser.resume();
  const settle = (start: (done: (error?: Error | null) => void) => void) =>
    new Promise<void>((resolve) => {
      const onError = () => resolve();
      parser.once("error", onError);
      start((error) => {
        if (error) failure ??= error;
        parser.off("error", onError);
        resolve();
      });
    });

  for await (const chunk of input) {
    await settle((done) => parser.write(chunk, done));
    yield* parsed.splice(0);
    if (failure) break;
  }
  if (!failure) await settle((done) => parser.end(() => done()));
  yield* parsed.splice(0);
  if (failure) throw failure;
}

export async function* csvItems(input: Readable): AsyncGenerator<SourceItem> {
  let header: CsvHeader | null = null;
  let grouper: CsvGrouper | null = null;
  try {
    for await (const { record, lines } of csvRecords(input)) {
      // csv-parse counts the line a record ends on; a quoted cell with line breaks started earlier.
      const line = lines - record.reduce((breaks, cell) => breaks + (cell.match(/\n/g)?.length ?? 0), 0);
      if (!header) {
        header = mapCsvHeader(record);
        if (header.missing.length > 0) {
          const names = header.missing.map((column) => CSV_COLUMNS[column][0]);
          throw new ImportFileError("missing-columns", names.join(", "));
        }
        const idIndex = header.columns.findIndex((column) => column.kind === "contract" && column.column === "id");
        grouper = new CsvGrouper(idIndex);
        continue;
      }
      const finished = grouper!.push({ line, values: record });
      if (finished) yield groupItem(header, finished);
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    const code = (error as { code?: string }).code;
    if (typeof code === "string" && code.startsWith("CSV_")) {
      // The group being read is dropped with the rest of the file: a conversation is never half-written.
      throw new ImportFileError("csv-syntax", (error as Error).message.slice(0, 300));
    }
    throw error;
  }
  if (!header) throw new ImportFileError("empty-file");
  const last = grouper!.flush();
  if (last) yield groupItem(header, last);
}
