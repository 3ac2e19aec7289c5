import { randomBytes } from 'crypto';

export interface MultipartParts {
	fields: Record<string, string>;
	file: { name: string; fileName: string; mimeType: string };
}

/**
 * The bytes around a single file part of a multipart/form-data body. The file itself is sent
 * between them (as a buffer or a stream), so a large video never has to be held in memory.
 */
export function multipartEnvelope(parts: MultipartParts): { boundary: string; head: Buffer; tail: Buffer } {
	const boundary = `----n8nKie${randomBytes(12).toString('hex')}`;
	const safe = (value: string) => value.replace(/["\r\n]/g, '_');
	let head = '';
	for (const [name, value] of Object.entries(parts.fields)) {
		head += `--${boundary}\r\nContent-Disposition: form-data; name="${safe(name)}"\r\n\r\n${value}\r\n`;
	}
	head +=
		`--${boundary}\r\nContent-Disposition: form-data; name="${safe(parts.file.name)}"; filename="${safe(parts.file.fileName)}"\r\n` +
		`Content-Type: ${parts.file.mimeType}\r\n\r\n`;
	return { boundary, head: Buffer.from(head, 'utf8'), tail: Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8') };
}

type ReadableLike = NodeJS.ReadableStream & { constructor: unknown };
type ReadableFactory = { from(source: AsyncIterable<Buffer>): NodeJS.ReadableStream };

/**
 * head + source stream + tail as one readable stream. The Readable class is taken from the
 * source stream itself (runtime code may not import Node's `stream` module).
 */
export function concatStream(source: NodeJS.ReadableStream, head: Buffer, tail: Buffer): NodeJS.ReadableStream {
	const factory = (source as ReadableLike).constructor as ReadableFactory;
	async function* parts(): AsyncIterable<Buffer> {
		yield head;
		for await (const chunk of source as AsyncIterable<Buffer | string>) {
			yield typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
		}
		yield tail;
	}
	return factory.from(parts());
}

/** Wraps a stream so that reading past `maxBytes` fails (and stops the download). */
export function limitStream(source: NodeJS.ReadableStream, maxBytes: number, onTooLarge: () => Error): NodeJS.ReadableStream {
	const factory = (source as ReadableLike).constructor as ReadableFactory;
	async function* limited(): AsyncIterable<Buffer> {
		let total = 0;
		for await (const chunk of source as AsyncIterable<Buffer | string>) {
			const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
			total += buffer.length;
			if (total > maxBytes) {
				(source as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
				throw onTooLarge();
			}
			yield buffer;
		}
	}
	return factory.from(limited());
}
