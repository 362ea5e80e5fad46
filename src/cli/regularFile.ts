import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readSync,
  statSync,
  type Stats,
} from 'fs';
import { UnreadableFile } from '../adapters/xlsx/zip';
import { reasonOf } from './errors';
import { type Limits, limitSentence } from './limits';

function kindSentence(st: Stats): string {
  if (st.isDirectory()) return '这是一个文件夹，不是文件。';
  if (st.isFIFO()) return '这是命名管道（FIFO），不是工作簿文件，已跳过。';
  if (st.isSocket()) return '这是套接字，不是工作簿文件，已跳过。';
  if (st.isCharacterDevice() || st.isBlockDevice()) return '这是设备文件，不是工作簿文件，已跳过。';
  return '这不是普通文件，已跳过。';
}

function readSentence(file: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') {
    const link = (() => {
      try {
        return lstatSync(file).isSymbolicLink();
      } catch {
        return false;
      }
    })();
    return link ? '这是一个断开的链接（指向的文件不存在）。' : '文件不存在。';
  }
  if (code === 'EACCES' || code === 'EPERM') return '没有读取该文件的权限。';
  if (code === 'EISDIR') return '这是一个文件夹，不是文件。';
  return `无法读取文件：${reasonOf(e)}。`;
}

/**
 * Reads a regular file and nothing else: a device, FIFO or socket (or a link to one) is refused
 * before it is opened, and the open itself never blocks (O_NONBLOCK) and is checked again on the
 * descriptor, so a file swapped for a FIFO in between cannot hang the batch.
 */
export function readRegularFile(file: string, limits: Limits): Buffer {
  let st: Stats;
  try {
    st = statSync(file);
  } catch (e) {
    throw new UnreadableFile(readSentence(file, e));
  }
  if (!st.isFile()) throw new UnreadableFile(kindSentence(st));
  if (st.size > limits.fileBytes)
    throw new UnreadableFile(limitSentence.size(limits, st.size), 'size');
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    throw new UnreadableFile(readSentence(file, e));
  }
  try {
    const fst = fstatSync(fd);
    if (!fst.isFile()) throw new UnreadableFile(kindSentence(fst));
    if (fst.size > limits.fileBytes)
      throw new UnreadableFile(limitSentence.size(limits, fst.size), 'size');
    // The file may grow while read: never read past the limit.
    const buf = Buffer.allocUnsafe(Math.min(fst.size, limits.fileBytes) + 1);
    let n = 0;
    for (;;) {
      const got = readSync(fd, buf, n, buf.length - n, null);
      if (got === 0) break;
      n += got;
      if (n === buf.length) {
        if (n > limits.fileBytes) throw new UnreadableFile(limitSentence.size(limits, n), 'size');
        break;
      }
    }
    return buf.subarray(0, n);
  } catch (e) {
    if (e instanceof UnreadableFile) throw e;
    throw new UnreadableFile(readSentence(file, e));
  } finally {
    closeSync(fd);
  }
}
