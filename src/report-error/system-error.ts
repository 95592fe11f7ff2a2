/**
 * The operating system's refusals (a full disk, a read-only folder, a missing path …) as one Chinese sentence
 * that names the path and says what to do. These are problems of the environment, not bugs.
 */

interface SystemErrorText {
  /** What went wrong, after 「<action> <path> 失败：」. */
  reason: string;
  /** What the user can do. */
  remedy: string;
}

const SYSTEM_ERRORS: Record<string, SystemErrorText> = {
  ENOENT: { reason: '文件或文件夹不存在', remedy: '请检查路径是否写对' },
  ENOTDIR: { reason: '路径中的某一段是文件而不是文件夹', remedy: '请检查路径，或移走同名的文件' },
  EISDIR: { reason: '这是一个文件夹，应为文件', remedy: '请移走同名的文件夹，或给出文件的路径' },
  EEXIST: { reason: '已有同名的文件或文件夹', remedy: '请移走它，或换一个路径' },
  EACCES: { reason: '没有权限', remedy: '请检查文件和文件夹的权限，或换一个路径' },
  EPERM: { reason: '操作不被允许', remedy: '请检查文件是否被锁定或只读，或换一个路径' },
  EROFS: { reason: '所在磁盘是只读的', remedy: '请换一个可写入的文件夹（如用 -o 指定输出目录）' },
  ENOSPC: { reason: '磁盘已满', remedy: '请腾出磁盘空间后重试' },
  EDQUOT: { reason: '超出磁盘配额', remedy: '请腾出空间或联系管理员' },
  ENAMETOOLONG: { reason: '路径或文件名太长', remedy: '请缩短文件名或换一个较短的文件夹' },
  ELOOP: { reason: '符号链接循环', remedy: '请检查路径中的链接' },
  EMFILE: { reason: '同时打开的文件太多', remedy: '请减少 --jobs 后重试' },
  ENFILE: { reason: '系统打开的文件太多', remedy: '请稍后重试' },
  EBUSY: { reason: '文件正被占用', remedy: '请关闭正在使用它的程序（如 Word、WPS）后重试' },
  ETXTBSY: { reason: '文件正被占用', remedy: '请关闭正在使用它的程序后重试' },
  EIO: { reason: '磁盘读写出错', remedy: '请检查磁盘后重试' },
  EFBIG: { reason: '文件太大', remedy: '请检查文件是否选错' },
  EINVAL: { reason: '路径或文件不合法', remedy: '请检查路径' },
  EAGAIN: { reason: '暂时无法读写', remedy: '请稍后重试' },
  EXDEV: { reason: '不能跨磁盘移动文件', remedy: '请把输出目录放在同一磁盘上' },
  ENOTSUP: { reason: '这个位置不能创建文件或文件夹（如 /proc、/sys 这类系统文件夹）', remedy: '请换一个普通的文件夹（如用 -o 指定输出目录）' },
};

export interface SystemError {
  code: string;
  path?: string;
  dest?: string;
}

export function isSystemError(error: unknown): error is SystemError {
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string' && /^E[A-Z]+$/.test((error as { code: string }).code);
}

/** Whether the code is one this module can explain (else the error is treated as a bug). */
export function isKnownSystemError(error: unknown): error is SystemError {
  return isSystemError(error) && error.code in SYSTEM_ERRORS;
}

/**
 * 「<action> <path> 失败：<reason>，<remedy>」. `shown` names the path when the caller knows it better than the
 * error does (a relative path as the user typed it).
 */
export function describeSystemError(error: unknown, shown?: string, action = '读写'): string {
  const code = isSystemError(error) ? error.code : '';
  const text = SYSTEM_ERRORS[code] ?? { reason: `系统错误 ${code || '（未知）'}`, remedy: '请检查路径和磁盘后重试' };
  const path = shown ?? (isSystemError(error) ? error.path : undefined);
  return `${action}${path ? ` ${path} ` : ''}失败：${text.reason}，${text.remedy}`;
}
