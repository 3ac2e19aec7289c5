/**
 * Real media bytes for result URLs: PNG (512x512 colour gradient), WAV (PCM sine), MP3 (silent
 * MPEG-1 Layer III frames) and MP4 (one H.264 I_PCM frame in ftyp+moov+mdat). Each format can be
 * padded to an exact size with a format-legal filler (PNG private chunk, WAV data, MP3 ID3v2
 * padding + frames, MP4 `free` box), and is produced as a lazy sequence of chunks so that 1 GB
 * responses are streamed, never held in memory.
 */
import { crc32, deflateSync } from 'zlib';
import { h264Frame } from './h264';

export type MediaFormat = 'png' | 'wav' | 'mp3' | 'mp4';

export const CONTENT_TYPES: Record<MediaFormat, string> = {
	png: 'image/png',
	wav: 'audio/wav',
	mp3: 'audio/mpeg',
	mp4: 'video/mp4',
};

export interface MediaBody {
	size: number;
	chunks: () => Generator<Buffer>;
}

const BLOCK = 64 * 1024;
const ZEROS = Buffer.alloc(BLOCK);

function* zeros(n: number): Generator<Buffer> {
	let left = n;
	while (left > 0) {
		const k = Math.min(left, BLOCK);
		yield ZEROS.subarray(0, k);
		left -= k;
	}
}

function* repeat(block: Buffer, n: number): Generator<Buffer> {
	let left = n;
	while (left > 0) {
		const k = Math.min(left, block.length);
		yield block.subarray(0, k);
		left -= k;
	}
}

function u32(n: number): Buffer {
	const b = Buffer.alloc(4);
	b.writeUInt32BE(n >>> 0);
	return b;
}

// ---------- PNG ----------

function pngChunk(type: string, data: Buffer): Buffer {
	const t = Buffer.from(type, 'latin1');
	return Buffer.concat([u32(data.length), t, data, u32(crc32(data, crc32(t)))]);
}

/** Colour from a seed string, so different results look different. */
function colour(seed: string): [number, number, number] {
	const c = crc32(seed);
	return [c & 0xff, (c >>> 8) & 0xff, (c >>> 16) & 0xff];
}

/** Side of the result image: a size a real model returns (small ones are 512 to 1024 px). */
export const PNG_SIDE = 512;

/**
 * A 512x512 picture that looks like a result, not a test pattern: a two-colour gradient (colours
 * from the seed, so results differ), in 8-pixel steps across and 32-pixel steps down. Rows use PNG's
 * Up filter, so the file stays near 3 KB and the tests' small padded sizes (4 KB) still fit.
 */
function pngParts(seed: string): { head: Buffer; tail: Buffer } {
	const w = PNG_SIDE;
	const h = PNG_SIDE;
	const from = colour(seed);
	const to = colour(`${seed}#2`);
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(w, 0);
	ihdr.writeUInt32BE(h, 4);
	ihdr[8] = 8; // bit depth
	ihdr[9] = 2; // RGB
	const stride = 1 + w * 3;
	const raw = Buffer.alloc(h * stride);
	let previous = Buffer.alloc(w * 3);
	for (let y = 0; y < h; y++) {
		const down = (Math.floor(y / 32) * 32) / (h - 1);
		const pixels = Buffer.alloc(w * 3);
		for (let x = 0; x < w; x++) {
			const t = 0.6 * ((Math.floor(x / 8) * 8) / (w - 1)) + 0.4 * down;
			for (let c = 0; c < 3; c++) pixels[x * 3 + c] = Math.round(from[c] + (to[c] - from[c]) * t);
		}
		raw[y * stride] = 2; // Up: each byte minus the byte above it
		for (let i = 0; i < w * 3; i++) raw[y * stride + 1 + i] = (pixels[i] - previous[i]) & 0xff;
		previous = pixels;
	}
	const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
	const head = Buffer.concat([signature, pngChunk('IHDR', ihdr), pngChunk('IDAT', deflateSync(raw, { level: 9 }))]);
	return { head, tail: pngChunk('IEND', Buffer.alloc(0)) };
}

function* padChunk(len: number): Generator<Buffer> {
	const type = Buffer.from('emPd', 'latin1');
	yield Buffer.concat([u32(len), type]);
	let crc = crc32(type);
	for (const z of zeros(len)) {
		crc = crc32(z, crc);
		yield z;
	}
	yield u32(crc);
}

export function png(seed: string, size?: number): MediaBody {
	const { head, tail } = pngParts(seed);
	const natural = head.length + tail.length;
	// Below natural + one chunk overhead the file cannot be padded: serve it as is.
	const target = size && size >= natural + 12 ? size : natural;
	return {
		size: target,
		*chunks() {
			yield head;
			let left = target - natural;
			while (left > 0) {
				let len = Math.min(left - 12, 0x7fffffff);
				const rest = left - 12 - len;
				// Never leave a remainder too small for another chunk.
				if (rest > 0 && rest < 12) len -= 12;
				yield* padChunk(len);
				left -= len + 12;
			}
			yield tail;
		},
	};
}

// ---------- WAV ----------

const WAV_RATE = 8000;
/** 400 Hz at 8 kHz = 20 samples per period; 1600 periods = 64 000 bytes. */
const SINE_BLOCK = (() => {
	const b = Buffer.alloc(64000);
	for (let i = 0; i < b.length / 2; i++) {
		b.writeInt16LE(Math.round(Math.sin((2 * Math.PI * i) / 20) * 8000), i * 2);
	}
	return b;
})();

export function wav(size?: number): MediaBody {
	const wanted = size ? size - 44 : WAV_RATE * 2;
	const dataLen = Math.max(2, wanted - (wanted % 2)); // whole 16-bit samples
	const total = dataLen + 44;
	const h = Buffer.alloc(44);
	h.write('RIFF', 0, 'latin1');
	h.writeUInt32LE(Math.min(total - 8, 0xffffffff), 4);
	h.write('WAVE', 8, 'latin1');
	h.write('fmt ', 12, 'latin1');
	h.writeUInt32LE(16, 16);
	h.writeUInt16LE(1, 20); // PCM
	h.writeUInt16LE(1, 22); // mono
	h.writeUInt32LE(WAV_RATE, 24);
	h.writeUInt32LE(WAV_RATE * 2, 28);
	h.writeUInt16LE(2, 32);
	h.writeUInt16LE(16, 34);
	h.write('data', 36, 'latin1');
	h.writeUInt32LE(Math.min(dataLen, 0xffffffff), 40);
	return {
		size: total,
		*chunks() {
			yield h;
			yield* repeat(SINE_BLOCK, dataLen);
		},
	};
}

// ---------- MP3 ----------

/** MPEG-1 Layer III, 128 kbit/s, 48 kHz, mono, no CRC: 384 bytes per frame; zero side info = silence. */
const MP3_FRAME = (() => {
	const f = Buffer.alloc(384);
	f.set([0xff, 0xfb, 0x94, 0xc0]);
	return f;
})();
const MP3_BLOCK = Buffer.concat(Array.from({ length: 170 }, () => MP3_FRAME));

export function mp3(size?: number): MediaBody {
	const target = Math.max(size ?? 10 + 42 * 384, 10 + 384);
	const frames = Math.floor((target - 10) / 384);
	const pad = target - 10 - frames * 384;
	const id3 = Buffer.alloc(10 + pad);
	id3.write('ID3', 0, 'latin1');
	id3[3] = 4; // ID3v2.4
	id3[4] = 0;
	id3[5] = 0;
	// Syncsafe size of the (padding-only) tag body.
	id3[6] = (pad >>> 21) & 0x7f;
	id3[7] = (pad >>> 14) & 0x7f;
	id3[8] = (pad >>> 7) & 0x7f;
	id3[9] = pad & 0x7f;
	return {
		size: target,
		*chunks() {
			yield id3;
			yield* repeat(MP3_BLOCK, frames * 384);
		},
	};
}

// ---------- MP4 ----------

function box(type: string, ...parts: Buffer[]): Buffer {
	const body = Buffer.concat(parts);
	return Buffer.concat([u32(8 + body.length), Buffer.from(type, 'latin1'), body]);
}

function fullBox(type: string, version: number, flags: number, ...parts: Buffer[]): Buffer {
	const vf = u32(((version & 0xff) << 24) | (flags & 0xffffff));
	return box(type, vf, ...parts);
}

const MATRIX = Buffer.concat([0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000].map(u32));

function u16(n: number): Buffer {
	const b = Buffer.alloc(2);
	b.writeUInt16BE(n & 0xffff);
	return b;
}

function mp4Parts(): { head: Buffer } {
	const W = 64;
	const H = 64;
	const { sps, pps, idr } = h264Frame(W, H);
	const sample = Buffer.concat([u32(idr.length), idr]);
	const ftyp = box('ftyp', Buffer.from('isom', 'latin1'), u32(512), Buffer.from('isomiso2avc1mp41', 'latin1'));
	const mvhd = fullBox(
		'mvhd',
		0,
		0,
		u32(0),
		u32(0),
		u32(1000),
		u32(1000),
		u32(0x00010000),
		u16(0x0100),
		Buffer.alloc(10),
		MATRIX,
		Buffer.alloc(24),
		u32(2),
	);
	const tkhd = fullBox(
		'tkhd',
		0,
		3,
		u32(0),
		u32(0),
		u32(1),
		u32(0),
		u32(1000),
		Buffer.alloc(8),
		u16(0),
		u16(0),
		u16(0),
		u16(0),
		MATRIX,
		u32(W << 16),
		u32(H << 16),
	);
	const mdhd = fullBox('mdhd', 0, 0, u32(0), u32(0), u32(1000), u32(1000), u16(0x55c4), u16(0));
	const hdlr = fullBox(
		'hdlr',
		0,
		0,
		u32(0),
		Buffer.from('vide', 'latin1'),
		Buffer.alloc(12),
		Buffer.from('VideoHandler\0', 'latin1'),
	);
	const vmhd = fullBox('vmhd', 0, 1, Buffer.alloc(8));
	const dinf = box('dinf', fullBox('dref', 0, 0, u32(1), fullBox('url ', 0, 1)));
	const avcC = box(
		'avcC',
		Buffer.from([1, sps[1], sps[2], sps[3], 0xff, 0xe1]),
		u16(sps.length),
		sps,
		Buffer.from([1]),
		u16(pps.length),
		pps,
	);
	const compressor = Buffer.alloc(32);
	const avc1 = box(
		'avc1',
		Buffer.alloc(6),
		u16(1),
		Buffer.alloc(16),
		u16(W),
		u16(H),
		u32(0x00480000),
		u32(0x00480000),
		u32(0),
		u16(1),
		compressor,
		u16(0x0018),
		u16(0xffff),
		avcC,
	);
	const stsd = fullBox('stsd', 0, 0, u32(1), avc1);
	const stts = fullBox('stts', 0, 0, u32(1), u32(1), u32(1000));
	const stss = fullBox('stss', 0, 0, u32(1), u32(1));
	const stsc = fullBox('stsc', 0, 0, u32(1), u32(1), u32(1), u32(1));
	const stsz = fullBox('stsz', 0, 0, u32(0), u32(1), u32(sample.length));
	// stco needs the final offset of the sample: build once with 0, measure, then patch.
	const build = (offset: number): Buffer => {
		const stco = fullBox('stco', 0, 0, u32(1), u32(offset));
		const stbl = box('stbl', stsd, stts, stss, stsc, stsz, stco);
		const minf = box('minf', vmhd, dinf, stbl);
		const mdia = box('mdia', mdhd, hdlr, minf);
		const trak = box('trak', tkhd, mdia);
		return box('moov', mvhd, trak);
	};
	const moovLen = build(0).length;
	const moov = build(ftyp.length + moovLen + 8);
	const mdat = box('mdat', sample);
	return { head: Buffer.concat([ftyp, moov, mdat]) };
}

const MP4_HEAD = mp4Parts().head;

export function mp4(size?: number): MediaBody {
	const natural = MP4_HEAD.length;
	const target = size && size >= natural + 8 ? size : natural;
	return {
		size: target,
		*chunks() {
			yield MP4_HEAD;
			const pad = target - natural;
			if (pad <= 0) return;
			if (pad <= 0xffffffff) {
				yield Buffer.concat([u32(pad), Buffer.from('free', 'latin1')]);
				yield* zeros(pad - 8);
			} else {
				const h = Buffer.alloc(16);
				h.writeUInt32BE(1, 0);
				h.write('free', 4, 'latin1');
				h.writeBigUInt64BE(BigInt(pad), 8);
				yield h;
				yield* zeros(pad - 16);
			}
		},
	};
}

/** Body for a file name's extension; null for unknown extensions. */
export function mediaFor(
	fileName: string,
	seed: string,
	sizes: { image?: number; video?: number; audio?: number } | undefined,
): { format: MediaFormat; body: MediaBody } | null {
	const ext = fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase();
	switch (ext) {
		case 'png':
			return { format: 'png', body: png(seed, sizes?.image) };
		case 'mp4':
			return { format: 'mp4', body: mp4(sizes?.video) };
		case 'mp3':
			return { format: 'mp3', body: mp3(sizes?.audio) };
		case 'wav':
			return { format: 'wav', body: wav(sizes?.audio) };
		default:
			return null;
	}
}
