/** System errors as sentences a finance officer can act on: never raw errno text. */
const REASONS: Record<string, string> = {
  ENOENT: '路径不存在',
  EACCES: '没有权限',
  EPERM: '没有权限',
  EROFS: '磁盘是只读的',
  ENOSPC: '磁盘空间不足',
  EDQUOT: '超出磁盘配额',
  EFBIG: '文件太大',
  ENAMETOOLONG: '文件名或路径太长',
  ENOTDIR: '路径中有一部分不是文件夹',
  EISDIR: '这是一个文件夹',
  EEXIST: '同名文件已存在',
  EMFILE: '同时打开的文件太多',
  ENFILE: '同时打开的文件太多',
  EIO: '磁盘读写出错',
  EPIPE: '接收输出的程序已关闭（管道已断开）',
  ECONNRESET: '接收输出的程序已关闭（管道已断开）',
  ERR_STREAM_DESTROYED: '输出已关闭',
  ELOOP: '链接层层相指，形成循环',
  EBUSY: '文件正被占用',
  ETXTBSY: '文件正被占用',
  EXDEV: '不能跨磁盘改名',
  EINVAL: '名称无效',
  EILSEQ: '名称含有系统不接受的字符',
};

export function reasonOf(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  return (code && REASONS[code]) || '系统报告了无法识别的错误';
}

/** Writing to stdout failed (closed pipe, full disk): the run must stop with a sentence. */
export class OutputError extends Error {
  constructor(readonly reason: unknown) {
    super(`无法写入标准输出：${reasonOf(reason)}。`);
  }
}

/** Engine and runtime failures as a short Chinese reason (never the raw English text). */
const INTERNAL_REASONS: [RegExp, string][] = [
  [
    /Maximum call stack size exceeded|too much recursion/i,
    '文件中的结构层层嵌套，超出了可处理的深度',
  ],
  [/Invalid code point|Invalid character|surrogate/i, '文件中有无效的字符编码'],
  [
    /Map maximum size exceeded|Invalid array length|Invalid typed array length|Array buffer allocation failed|Invalid string length|out of memory/i,
    '文件所需的内存超出限制',
  ],
  [/ENOBUFS|maxBuffer/i, '转换程序的输出超出限制'],
];

/** Where a user reports an internal error. */
export const REPORT_TO = '请把该文件和这句话反馈给 selfeval 的开发者';

/**
 * An unexpected failure as one sentence: "内部错误：" with a short reason and where to report it.
 * Errors that already carry a Chinese sentence (the readers' own) are said as they are.
 */
export function internalSentence(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  const code = (e as NodeJS.ErrnoException | null)?.code;
  const known = INTERNAL_REASONS.find(([re]) => re.test(text) || (code && re.test(code)));
  const reason = known?.[1] ?? (code && REASONS[code]) ?? '校验时出现了未预料的问题';
  return `内部错误：${reason}，未能校验该文件。${REPORT_TO}。`;
}
