/**
 * Streaming multipart/form-data parser: consumes the request chunk by chunk (binary-safe, no
 * quadratic buffering), keeps each part's bytes, and reports the total body length.
 */
import type { Readable } from 'stream';

export interface MultipartPart {
	name: string;
	fileName?: string;
	contentType?: string;
	data: Buffer;
}

export function boundaryOf(contentType: string | undefined): string | null {
	const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '');
	return m ? (m[1] ?? m[2]) : null;
}

type State = 'preamble' | 'afterDelimiter' | 'headers' | 'body' | 'done';

export class MultipartParser {
	readonly parts: MultipartPart[] = [];
	private readonly delimiter: Buffer;
	// The first delimiter may open the body without a preceding CRLF: pretend there was one.
	private buf: Buffer = Buffer.from('\r\n');
	private state: State = 'preamble';
	private current: { name: string; fileName?: string; contentType?: string; chunks: Buffer[] } | null = null;

	constructor(boundary: string) {
		this.delimiter = Buffer.from(`\r\n--${boundary}`, 'latin1');
	}

	write(chunk: Buffer): void {
		this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
		let progressed = true;
		while (progressed && this.state !== 'done') progressed = this.step();
	}

	/** Throws when the body ended before the closing delimiter. */
	end(): void {
		if (this.state !== 'done') throw new Error('multipart body ended before the closing boundary');
	}

	private step(): boolean {
		switch (this.state) {
			case 'preamble': {
				const i = this.buf.indexOf(this.delimiter);
				if (i < 0) {
					this.buf = this.buf.subarray(Math.max(0, this.buf.length - this.delimiter.length + 1));
					return false;
				}
				this.buf = this.buf.subarray(i + this.delimiter.length);
				this.state = 'afterDelimiter';
				return true;
			}
			case 'afterDelimiter': {
				if (this.buf.length < 2) return false;
				if (this.buf[0] === 0x2d && this.buf[1] === 0x2d) {
					this.state = 'done';
					this.buf = Buffer.alloc(0);
					return false;
				}
				const eol = this.buf.indexOf('\r\n');
				if (eol < 0) return false; // transport padding (whitespace) may precede the CRLF
				this.buf = this.buf.subarray(eol + 2);
				this.state = 'headers';
				return true;
			}
			case 'headers': {
				const end = this.buf.indexOf('\r\n\r\n');
				if (end < 0) return false;
				const lines = this.buf.subarray(0, end).toString('utf8').split('\r\n');
				this.buf = this.buf.subarray(end + 4);
				const part: { name: string; fileName?: string; contentType?: string; chunks: Buffer[] } = {
					name: '',
					chunks: [],
				};
				for (const line of lines) {
					const colon = line.indexOf(':');
					if (colon < 0) continue;
					const key = line.slice(0, colon).trim().toLowerCase();
					const value = line.slice(colon + 1).trim();
					if (key === 'content-disposition') {
						const name = /\bname="([^"]*)"/i.exec(value) ?? /\bname=([^;]+)/i.exec(value);
						const fileName = /\bfilename="([^"]*)"/i.exec(value) ?? /\bfilename=([^;]+)/i.exec(value);
						if (name) part.name = name[1].trim();
						if (fileName) part.fileName = fileName[1].trim();
					} else if (key === 'content-type') {
						part.contentType = value;
					}
				}
				this.current = part;
				this.state = 'body';
				return true;
			}
			case 'body': {
				const cur = this.current!;
				const i = this.buf.indexOf(this.delimiter);
				if (i < 0) {
					const keep = this.delimiter.length - 1;
					if (this.buf.length > keep) {
						cur.chunks.push(this.buf.subarray(0, this.buf.length - keep));
						this.buf = this.buf.subarray(this.buf.length - keep);
					}
					return false;
				}
				cur.chunks.push(this.buf.subarray(0, i));
				this.parts.push({
					name: cur.name,
					fileName: cur.fileName,
					contentType: cur.contentType,
					data: Buffer.concat(cur.chunks),
				});
				this.current = null;
				this.buf = this.buf.subarray(i + this.delimiter.length);
				this.state = 'afterDelimiter';
				return true;
			}
			default:
				return false;
		}
	}
}

/** Parses a whole multipart request stream. */
export async function parseMultipart(
	stream: Readable,
	boundary: string,
): Promise<{ parts: MultipartPart[]; length: number }> {
	const parser = new MultipartParser(boundary);
	let length = 0;
	for await (const chunk of stream) {
		const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
		length += b.length;
		parser.write(b);
	}
	parser.end();
	return { parts: parser.parts, length };
}
