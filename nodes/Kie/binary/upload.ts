import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { kieRequest, type TransportSettings } from '../transport/request';
import { concatStream, multipartEnvelope } from './multipart';

/** Files up to this size go as base64 JSON (KIE recommends ≤ 10 MB; base64 adds a third). */
export const BASE64_MAX_BYTES = 4 * 1024 * 1024;

/** KIE deletes uploaded files after 3 days (docs/kie-api.md §7.3). */
const UPLOAD_RETENTION_MS = 3 * 24 * 3600 * 1000;

export interface UploadedFile {
	downloadUrl: string;
	fileName: string;
	mimeType: string;
	size: number;
	filePath?: string;
	uploadedAt?: string;
	expiresAt?: string;
	uploadMethod: 'base64' | 'stream' | 'url';
}

export interface UploadOptions {
	uploadPath: string;
	fileName?: string;
	settings?: TransportSettings;
}

function toUploaded(data: IDataObject, method: UploadedFile['uploadMethod'], fallback: { fileName: string; mimeType: string; size: number }): UploadedFile {
	const uploadedAt = typeof data.uploadedAt === 'string' ? data.uploadedAt : undefined;
	const uploadedMs = uploadedAt ? Date.parse(uploadedAt) : NaN;
	const file: UploadedFile = {
		downloadUrl: String(data.downloadUrl ?? data.fileUrl ?? ''),
		fileName: String(data.fileName ?? fallback.fileName),
		mimeType: String(data.mimeType ?? fallback.mimeType),
		size: typeof data.fileSize === 'number' ? data.fileSize : fallback.size,
		uploadMethod: method,
	};
	if (typeof data.filePath === 'string') file.filePath = data.filePath;
	if (uploadedAt) file.uploadedAt = uploadedAt;
	if (typeof data.expiresAt === 'string') file.expiresAt = data.expiresAt;
	else if (!Number.isNaN(uploadedMs)) file.expiresAt = new Date(uploadedMs + UPLOAD_RETENTION_MS).toISOString();
	return file;
}

function cleanPath(path: string): string {
	return path.replace(/^\/+|\/+$/g, '') || 'n8n';
}

/**
 * Uploads a binary property of an item to KIE's File Upload API and returns the public URL KIE
 * serves it from. Small files go as base64; large ones as a multipart stream read straight from
 * n8n's binary store.
 */
export async function uploadBinary(
	ctx: IExecuteFunctions,
	itemIndex: number,
	binaryProperty: string,
	options: UploadOptions,
): Promise<UploadedFile> {
	const binary = ctx.helpers.assertBinaryData(itemIndex, binaryProperty);
	const fileName = options.fileName || binary.fileName || `${binaryProperty}.${binary.fileExtension ?? 'bin'}`;
	const mimeType = binary.mimeType || 'application/octet-stream';
	const uploadPath = cleanPath(options.uploadPath);
	let size: number | undefined;
	if (binary.id) {
		const metadata = await ctx.helpers.getBinaryMetadata(binary.id);
		size = metadata.fileSize;
	}
	const action = `upload the file "${fileName}" from binary property "${binaryProperty}"`;

	if (binary.id && size !== undefined && size > BASE64_MAX_BYTES) {
		const source = await ctx.helpers.getBinaryStream(binary.id);
		const { boundary, head, tail } = multipartEnvelope({
			fields: { uploadPath, fileName },
			file: { name: 'file', fileName, mimeType },
		});
		const response = await kieRequest<IDataObject>(ctx, {
			method: 'POST',
			host: 'upload',
			path: '/api/file-stream-upload',
			body: concatStream(source, head, tail),
			headers: {
				'Content-Type': `multipart/form-data; boundary=${boundary}`,
				'Content-Length': String(head.length + size + tail.length),
			},
			kind: 'upload',
			action,
			itemIndex,
			settings: options.settings,
		});
		return toUploaded(response.data ?? {}, 'stream', { fileName, mimeType, size });
	}

	const buffer = await ctx.helpers.getBinaryDataBuffer(itemIndex, binaryProperty);
	if (buffer.length === 0) {
		throw new NodeOperationError(ctx.getNode(), `Binary property "${binaryProperty}" is empty`, { itemIndex });
	}
	if (buffer.length <= BASE64_MAX_BYTES) {
		const response = await kieRequest<IDataObject>(ctx, {
			method: 'POST',
			host: 'upload',
			path: '/api/file-base64-upload',
			body: { base64Data: buffer.toString('base64'), uploadPath, fileName, mimeType },
			kind: 'upload',
			action,
			itemIndex,
			settings: options.settings,
		});
		return toUploaded(response.data ?? {}, 'base64', { fileName, mimeType, size: buffer.length });
	}
	const { boundary, head, tail } = multipartEnvelope({ fields: { uploadPath, fileName }, file: { name: 'file', fileName, mimeType } });
	const response = await kieRequest<IDataObject>(ctx, {
		method: 'POST',
		host: 'upload',
		path: '/api/file-stream-upload',
		body: Buffer.concat([head, buffer, tail]),
		headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` },
		kind: 'upload',
		action,
		itemIndex,
		settings: options.settings,
	});
	return toUploaded(response.data ?? {}, 'stream', { fileName, mimeType, size: buffer.length });
}

/** Has KIE fetch a public URL into its upload store (`file-url-upload`). */
export async function uploadFromUrl(
	ctx: IExecuteFunctions,
	itemIndex: number,
	fileUrl: string,
	options: UploadOptions,
): Promise<UploadedFile> {
	if (!/^https?:\/\//i.test(fileUrl)) {
		throw new NodeOperationError(ctx.getNode(), `File URL must start with http:// or https://, got "${fileUrl}"`, { itemIndex });
	}
	const body: IDataObject = { fileUrl, uploadPath: cleanPath(options.uploadPath) };
	if (options.fileName) body.fileName = options.fileName;
	const response = await kieRequest<IDataObject>(ctx, {
		method: 'POST',
		host: 'upload',
		path: '/api/file-url-upload',
		body,
		kind: 'upload',
		action: `upload the file at ${fileUrl}`,
		itemIndex,
		settings: options.settings,
	});
	const fallbackName = options.fileName || fileUrl.split('?')[0].split('/').pop() || 'file';
	return toUploaded(response.data ?? {}, 'url', { fileName: fallbackName, mimeType: 'application/octet-stream', size: 0 });
}
