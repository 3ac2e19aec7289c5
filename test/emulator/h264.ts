/**
 * One H.264 (Baseline) IDR frame coded with I_PCM macroblocks: raw samples, no encoder needed.
 * Returns SPS, PPS and the slice NAL units (without start codes), for an MP4 avcC + sample.
 */

class BitWriter {
	private bytes: number[] = [];
	private cur = 0;
	private n = 0;

	bit(b: number): void {
		this.cur = (this.cur << 1) | (b & 1);
		this.n++;
		if (this.n === 8) {
			this.bytes.push(this.cur);
			this.cur = 0;
			this.n = 0;
		}
	}

	u(bits: number, value: number): void {
		for (let i = bits - 1; i >= 0; i--) this.bit((value >>> i) & 1);
	}

	ue(value: number): void {
		const v = value + 1;
		const len = 32 - Math.clz32(v);
		this.u(len - 1, 0);
		this.u(len, v);
	}

	se(value: number): void {
		this.ue(value <= 0 ? -2 * value : 2 * value - 1);
	}

	alignZero(): void {
		while (this.n !== 0) this.bit(0);
	}

	trailing(): void {
		this.bit(1);
		this.alignZero();
	}

	bytesOut(): Buffer {
		return Buffer.from(this.bytes);
	}
}

/** RBSP → NAL payload with emulation-prevention bytes, prefixed by the NAL header. */
function nal(header: number, rbsp: Buffer): Buffer {
	const out: number[] = [header];
	let zerosRun = 0;
	for (const b of rbsp) {
		if (zerosRun >= 2 && b <= 3) {
			out.push(3);
			zerosRun = 0;
		}
		out.push(b);
		zerosRun = b === 0 ? zerosRun + 1 : 0;
	}
	return Buffer.from(out);
}

export function h264Frame(width: number, height: number): { sps: Buffer; pps: Buffer; idr: Buffer } {
	const mbW = width / 16;
	const mbH = height / 16;

	const s = new BitWriter();
	s.u(8, 66); // profile_idc: Baseline
	s.u(8, 0xc0); // constraint_set0 + constraint_set1 (Constrained Baseline)
	s.u(8, 10); // level_idc 1.0
	s.ue(0); // seq_parameter_set_id
	s.ue(0); // log2_max_frame_num_minus4
	s.ue(2); // pic_order_cnt_type
	s.ue(1); // max_num_ref_frames
	s.u(1, 0); // gaps_in_frame_num_value_allowed_flag
	s.ue(mbW - 1);
	s.ue(mbH - 1);
	s.u(1, 1); // frame_mbs_only_flag
	s.u(1, 1); // direct_8x8_inference_flag
	s.u(1, 0); // frame_cropping_flag
	s.u(1, 0); // vui_parameters_present_flag
	s.trailing();

	const p = new BitWriter();
	p.ue(0); // pic_parameter_set_id
	p.ue(0); // seq_parameter_set_id
	p.u(1, 0); // entropy_coding_mode_flag (CAVLC)
	p.u(1, 0); // bottom_field_pic_order_in_frame_present_flag
	p.ue(0); // num_slice_groups_minus1
	p.ue(0); // num_ref_idx_l0_default_active_minus1
	p.ue(0); // num_ref_idx_l1_default_active_minus1
	p.u(1, 0); // weighted_pred_flag
	p.u(2, 0); // weighted_bipred_idc
	p.se(0); // pic_init_qp_minus26
	p.se(0); // pic_init_qs_minus26
	p.se(0); // chroma_qp_index_offset
	p.u(1, 1); // deblocking_filter_control_present_flag
	p.u(1, 0); // constrained_intra_pred_flag
	p.u(1, 0); // redundant_pic_cnt_present_flag
	p.trailing();

	const i = new BitWriter();
	i.ue(0); // first_mb_in_slice
	i.ue(7); // slice_type: I (all slices)
	i.ue(0); // pic_parameter_set_id
	i.u(4, 0); // frame_num (log2_max_frame_num = 4)
	i.ue(0); // idr_pic_id
	i.u(1, 0); // no_output_of_prior_pics_flag
	i.u(1, 0); // long_term_reference_flag
	i.se(0); // slice_qp_delta
	i.ue(1); // disable_deblocking_filter_idc
	const [y, cb, cr] = [81, 90, 240]; // a red frame, in video range
	for (let mb = 0; mb < mbW * mbH; mb++) {
		i.ue(25); // mb_type I_PCM
		i.alignZero(); // pcm_alignment_zero_bit
		for (let k = 0; k < 256; k++) i.u(8, y);
		for (let k = 0; k < 64; k++) i.u(8, cb);
		for (let k = 0; k < 64; k++) i.u(8, cr);
	}
	i.trailing();

	return { sps: nal(0x67, s.bytesOut()), pps: nal(0x68, p.bytesOut()), idr: nal(0x65, i.bytesOut()) };
}
