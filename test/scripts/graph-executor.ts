import * as tf from '@tensorflow/tfjs';
import { tensorFloat32, tensorInt32, tensorUint8, DataType, type NodeDef } from '../../scripts/graphdef';

/**
 * A plain node-by-node executor of the AdaIN GraphDefs with tfjs ops, independent of the converter's
 * layer mapping and folds: the reference the converted networks are checked against. Dequantize follows
 * SPEC.md's MIN_FIRST rule written out here on its own.
 */
export function executeGraph(nodes: NodeDef[], feeds: Record<string, tf.Tensor>, output: string): tf.Tensor {
  const byName = new Map(nodes.map((node) => [node.name, node]));
  const values = new Map<string, tf.Tensor>(Object.entries(feeds));
  const intValues = new Map<string, number[]>();

  const ints = (name: string): number[] => {
    const cached = intValues.get(name);
    if (cached) return cached;
    const node = byName.get(name)!;
    let result: number[];
    if (node.op === 'Const') result = Array.from(tensorInt32(node.attr.get('value')!.tensor!));
    else if (node.op === 'Shape') result = evaluate(node.input[0]!).shape;
    else if (node.op === 'StridedSlice') {
      const [begin, end] = [ints(node.input[1]!)[0]!, ints(node.input[2]!)[0]!];
      result = ints(node.input[0]!).slice(begin, end);
    } else if (node.op === 'Mul') {
      const [a, b] = [ints(node.input[0]!), ints(node.input[1]!)];
      result = a.map((v, i) => v * b[i]!);
    } else throw new Error(`no integer evaluation for ${node.op}`);
    intValues.set(name, result);
    return result;
  };

  const evaluate = (rawName: string): tf.Tensor => {
    const name = rawName.replace(/:0$/, '');
    const known = values.get(name);
    if (known) return known;
    const node = byName.get(name);
    if (!node) throw new Error(`no node ${name}`);
    const x = (i: number) => evaluate(node.input[i]!);
    const attrS = (key: string) => node.attr.get(key)?.s;
    const strides = () => node.attr.get('strides')!.list!.i[1]! as 1 | 2;
    let value: tf.Tensor;
    switch (node.op) {
      case 'Const': {
        const tensor = node.attr.get('value')!.tensor!;
        if (tensor.dtype !== DataType.float) throw new Error(`${name}: only float constants are evaluated as tensors`);
        value = tf.tensor(tensorFloat32(tensor), tensor.shape);
        break;
      }
      case 'Dequantize': {
        const codes = tensorUint8(byName.get(node.input[0]!)!.attr.get('value')!.tensor!);
        const shape = byName.get(node.input[0]!)!.attr.get('value')!.tensor!.shape;
        const min = x(1).dataSync()[0]!;
        const max = x(2).dataSync()[0]!;
        const step = (max - min) / 255;
        const minRounded = Math.sign(min / step) * Math.round(Math.abs(min / step)) * step;
        value = tf.tensor(
          Float32Array.from(codes, (q) => minRounded + q * step),
          shape,
        );
        break;
      }
      case 'ReverseV2':
        value = tf.reverse(x(0), ints(node.input[1]!));
        break;
      case 'Sub':
        value = tf.sub(x(0), x(1));
        break;
      case 'Add':
        value = tf.add(x(0), x(1));
        break;
      case 'Mul':
        value = tf.mul(x(0), x(1));
        break;
      case 'Minimum':
        value = tf.minimum(x(0), x(1));
        break;
      case 'Maximum':
        value = tf.maximum(x(0), x(1));
        break;
      case 'Relu':
        value = tf.relu(x(0));
        break;
      case 'Rsqrt':
        value = tf.rsqrt(x(0));
        break;
      case 'Sqrt':
        value = tf.sqrt(x(0));
        break;
      case 'StopGradient':
        value = x(0);
        break;
      case 'SquaredDifference':
        value = tf.squaredDifference(x(0), x(1));
        break;
      case 'Mean':
        value = tf.mean(x(0), ints(node.input[1]!), node.attr.get('keep_dims')?.b ?? false);
        break;
      case 'BiasAdd':
        value = tf.add(x(0), x(1));
        break;
      case 'MaxPool':
        value = tf.maxPool(x(0) as tf.Tensor4D, 2, strides(), 'valid');
        break;
      case 'Conv2D':
        value = tf.conv2d(x(0) as tf.Tensor4D, x(1) as tf.Tensor4D, strides(), attrS('padding') === 'SAME' ? 'same' : 'valid');
        break;
      case 'DepthwiseConv2dNative':
        value = tf.depthwiseConv2d(x(0) as tf.Tensor4D, x(1) as tf.Tensor4D, strides(), attrS('padding') === 'SAME' ? 'same' : 'valid');
        break;
      case 'MirrorPad':
      case 'FusedPadConv2D': {
        const pads = ints(node.input[1]!);
        const paddings = [0, 1, 2, 3].map((axis) => [pads[2 * axis]!, pads[2 * axis + 1]!] as [number, number]);
        const padded = tf.mirrorPad(x(0), paddings, attrS('mode') === 'REFLECT' ? 'reflect' : 'symmetric');
        value = node.op === 'MirrorPad' ? padded : tf.conv2d(padded as tf.Tensor4D, x(2) as tf.Tensor4D, strides(), 'valid');
        break;
      }
      case 'ResizeNearestNeighbor': {
        const [h, w] = ints(node.input[1]!) as [number, number];
        value = tf.image.resizeNearestNeighbor(x(0) as tf.Tensor4D, [h, w], false, false);
        break;
      }
      default:
        throw new Error(`executor has no ${node.op} (${name})`);
    }
    values.set(name, value);
    return value;
  };

  const result = evaluate(output).clone();
  for (const [name, tensor] of values) if (!(name in feeds)) tensor.dispose();
  return result;
}
