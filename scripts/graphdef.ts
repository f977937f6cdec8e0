/**
 * A small reader for TensorFlow 1 frozen GraphDef protobufs: just the messages and fields the AdaIN
 * graphs use (GraphDef → NodeDef → AttrValue → TensorProto/TensorShapeProto), decoded from the
 * protobuf wire format. Unknown fields are skipped, as protobuf requires.
 */

/** TensorFlow DataType enum values that occur in the graphs. */
export const DataType = { float: 1, int32: 3, uint8: 4, int64: 9, quint8: 12 } as const;

export interface TensorProto {
  dtype: number;
  /** Dimension sizes; [] for a scalar. */
  shape: number[];
  /** Raw little-endian element bytes (tensor_content), when the tensor was stored that way. */
  content: Uint8Array | null;
  floatVal: number[];
  intVal: number[];
}

export interface AttrList {
  s: string[];
  i: number[];
  f: number[];
}

export interface AttrValue {
  s?: string;
  i?: number;
  f?: number;
  b?: boolean;
  type?: number;
  shape?: number[];
  tensor?: TensorProto;
  list?: AttrList;
}

export interface NodeDef {
  name: string;
  op: string;
  input: string[];
  attr: Map<string, AttrValue>;
}

const WireType = { varint: 0, fixed64: 1, lengthDelimited: 2, fixed32: 5 } as const;

const utf8 = new TextDecoder();

/** Sequential access to one message's bytes. */
class ProtoReader {
  private position = 0;
  private readonly view: DataView;

  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get done(): boolean {
    return this.position >= this.bytes.length;
  }

  /** Lengths, tags, enums: varints that fit a double exactly. */
  varint(): number {
    const value = this.varint64();
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new Error('protobuf: varint too large for a length or enum');
    return Number(value);
  }

  /** int32/int64 fields are two's complement varints: negative numbers take all 64 bits. */
  signedVarint(): number {
    return Number(BigInt.asIntN(64, this.varint64()));
  }

  private varint64(): bigint {
    let result = 0n;
    for (let shift = 0n; shift < 70n; shift += 7n) {
      if (this.position >= this.bytes.length) throw new Error('protobuf: truncated varint');
      const byte = this.bytes[this.position++]!;
      result |= BigInt(byte & 0x7f) << shift;
      if (byte < 0x80) return result;
    }
    throw new Error('protobuf: varint longer than 10 bytes');
  }

  tag(): { field: number; wireType: number } {
    const key = this.varint();
    return { field: Math.floor(key / 8), wireType: key & 7 };
  }

  bytesField(): Uint8Array {
    const length = this.varint();
    const end = this.position + length;
    if (end > this.bytes.length) throw new Error('protobuf: length-delimited field runs past the end');
    const slice = this.bytes.subarray(this.position, end);
    this.position = end;
    return slice;
  }

  string(): string {
    return utf8.decode(this.bytesField());
  }

  float32(): number {
    const value = this.view.getFloat32(this.position, true);
    this.position += 4;
    return value;
  }

  skip(wireType: number): void {
    switch (wireType) {
      case WireType.varint:
        this.varint();
        return;
      case WireType.fixed64:
        this.position += 8;
        return;
      case WireType.lengthDelimited:
        this.bytesField();
        return;
      case WireType.fixed32:
        this.position += 4;
        return;
      default:
        throw new Error(`protobuf: unsupported wire type ${wireType}`);
    }
  }

  /** Repeated scalars may come packed (one length-delimited run) or one per tag. */
  repeated(wireType: number, readOne: (reader: ProtoReader) => number, into: number[]): void {
    if (wireType === WireType.lengthDelimited) {
      const packed = new ProtoReader(this.bytesField());
      while (!packed.done) into.push(readOne(packed));
    } else {
      into.push(readOne(this));
    }
  }
}

function readShape(bytes: Uint8Array): number[] {
  const reader = new ProtoReader(bytes);
  const dims: number[] = [];
  while (!reader.done) {
    const { field, wireType } = reader.tag();
    if (field === 2 && wireType === WireType.lengthDelimited) {
      const dim = new ProtoReader(reader.bytesField());
      let size = 0;
      while (!dim.done) {
        const inner = dim.tag();
        if (inner.field === 1 && inner.wireType === WireType.varint) size = dim.signedVarint();
        else dim.skip(inner.wireType);
      }
      dims.push(size);
    } else {
      reader.skip(wireType);
    }
  }
  return dims;
}

function readTensor(bytes: Uint8Array): TensorProto {
  const reader = new ProtoReader(bytes);
  const tensor: TensorProto = { dtype: 0, shape: [], content: null, floatVal: [], intVal: [] };
  while (!reader.done) {
    const { field, wireType } = reader.tag();
    if (field === 1 && wireType === WireType.varint) tensor.dtype = reader.varint();
    else if (field === 2 && wireType === WireType.lengthDelimited) tensor.shape = readShape(reader.bytesField());
    else if (field === 4 && wireType === WireType.lengthDelimited) tensor.content = reader.bytesField();
    else if (field === 5) reader.repeated(wireType, (r) => r.float32(), tensor.floatVal);
    else if (field === 7) reader.repeated(wireType, (r) => r.signedVarint(), tensor.intVal);
    else reader.skip(wireType);
  }
  return tensor;
}

function readList(bytes: Uint8Array): AttrList {
  const reader = new ProtoReader(bytes);
  const list: AttrList = { s: [], i: [], f: [] };
  while (!reader.done) {
    const { field, wireType } = reader.tag();
    if (field === 2 && wireType === WireType.lengthDelimited) list.s.push(reader.string());
    else if (field === 3) reader.repeated(wireType, (r) => r.signedVarint(), list.i);
    else if (field === 4) reader.repeated(wireType, (r) => r.float32(), list.f);
    else reader.skip(wireType);
  }
  return list;
}

function readAttrValue(bytes: Uint8Array): AttrValue {
  const reader = new ProtoReader(bytes);
  const value: AttrValue = {};
  while (!reader.done) {
    const { field, wireType } = reader.tag();
    if (field === 1 && wireType === WireType.lengthDelimited) value.list = readList(reader.bytesField());
    else if (field === 2 && wireType === WireType.lengthDelimited) value.s = reader.string();
    else if (field === 3 && wireType === WireType.varint) value.i = reader.signedVarint();
    else if (field === 4 && wireType === WireType.fixed32) value.f = reader.float32();
    else if (field === 5 && wireType === WireType.varint) value.b = reader.varint() !== 0;
    else if (field === 6 && wireType === WireType.varint) value.type = reader.varint();
    else if (field === 7 && wireType === WireType.lengthDelimited) value.shape = readShape(reader.bytesField());
    else if (field === 8 && wireType === WireType.lengthDelimited) value.tensor = readTensor(reader.bytesField());
    else reader.skip(wireType);
  }
  return value;
}

function readNode(bytes: Uint8Array): NodeDef {
  const reader = new ProtoReader(bytes);
  const node: NodeDef = { name: '', op: '', input: [], attr: new Map() };
  while (!reader.done) {
    const { field, wireType } = reader.tag();
    if (field === 1 && wireType === WireType.lengthDelimited) node.name = reader.string();
    else if (field === 2 && wireType === WireType.lengthDelimited) node.op = reader.string();
    else if (field === 3 && wireType === WireType.lengthDelimited) node.input.push(reader.string());
    else if (field === 5 && wireType === WireType.lengthDelimited) {
      // map<string, AttrValue> entries are messages {key = 1, value = 2}.
      const entry = new ProtoReader(reader.bytesField());
      let key = '';
      let value: AttrValue = {};
      while (!entry.done) {
        const inner = entry.tag();
        if (inner.field === 1 && inner.wireType === WireType.lengthDelimited) key = entry.string();
        else if (inner.field === 2 && inner.wireType === WireType.lengthDelimited) value = readAttrValue(entry.bytesField());
        else entry.skip(inner.wireType);
      }
      node.attr.set(key, value);
    } else reader.skip(wireType);
  }
  return node;
}

/** All nodes of a GraphDef, in file order (the order TF wrote them: a topological order for frozen graphs). */
export function parseGraphDef(bytes: Uint8Array): NodeDef[] {
  const reader = new ProtoReader(bytes);
  const nodes: NodeDef[] = [];
  while (!reader.done) {
    const { field, wireType } = reader.tag();
    if (field === 1 && wireType === WireType.lengthDelimited) nodes.push(readNode(reader.bytesField()));
    else reader.skip(wireType);
  }
  return nodes;
}

function elementCount(shape: number[]): number {
  return shape.reduce((product, size) => product * size, 1);
}

/** A float32 Const's values (from tensor_content, or float_val broadcast as TF does for splats). */
export function tensorFloat32(tensor: TensorProto): Float32Array {
  if (tensor.dtype !== DataType.float) throw new Error(`expected a float tensor, got dtype ${tensor.dtype}`);
  const count = elementCount(tensor.shape);
  if (tensor.content !== null) {
    if (tensor.content.byteLength !== count * 4) throw new Error(`tensor_content holds ${tensor.content.byteLength} bytes, shape needs ${count * 4}`);
    // Copy: tensor_content is rarely 4-byte aligned inside the file buffer.
    return new Float32Array(tensor.content.slice().buffer);
  }
  return splat(tensor.floatVal, count, Float32Array);
}

/** An int32 Const's values. */
export function tensorInt32(tensor: TensorProto): Int32Array {
  if (tensor.dtype !== DataType.int32) throw new Error(`expected an int32 tensor, got dtype ${tensor.dtype}`);
  const count = elementCount(tensor.shape);
  if (tensor.content !== null) {
    if (tensor.content.byteLength !== count * 4) throw new Error(`tensor_content holds ${tensor.content.byteLength} bytes, shape needs ${count * 4}`);
    return new Int32Array(tensor.content.slice().buffer);
  }
  return splat(tensor.intVal, count, Int32Array);
}

/** A quint8/uint8 Const's raw bytes. */
export function tensorUint8(tensor: TensorProto): Uint8Array {
  if (tensor.dtype !== DataType.quint8 && tensor.dtype !== DataType.uint8) throw new Error(`expected a quint8 tensor, got dtype ${tensor.dtype}`);
  const count = elementCount(tensor.shape);
  if (tensor.content === null || tensor.content.byteLength !== count) {
    throw new Error(`quint8 tensor of shape [${tensor.shape.join(',')}] lacks its ${count} content bytes`);
  }
  return tensor.content.slice();
}

/** TF's rule for short value lists: the last value repeats to fill the shape; no values means zeros. */
function splat<T extends Float32Array | Int32Array>(values: number[], count: number, Kind: { new (length: number): T }): T {
  if (values.length > count) throw new Error(`tensor has ${values.length} values for ${count} elements`);
  const out = new Kind(count);
  out.set(values);
  if (values.length > 0) out.fill(values[values.length - 1]!, values.length);
  return out;
}
