//! Reading a multipart upload into memory: `file` fields (the reports, each with its file
//! name) and at most one `pack` field, within the limits. Nothing is written anywhere.

use axum::extract::multipart::{Multipart, MultipartError};
use axum::http::StatusCode;

use super::{size_zh, ApiError};

/// One uploaded report: its name as given and its bytes, or why it is not checked (larger
/// than the per-file limit: the same message `check` gives for such a file).
pub struct UploadFile {
    pub name: String,
    pub bytes: Result<Vec<u8>, String>,
}

/// A rule pack uploaded to try.
pub struct PackUpload {
    pub name: String,
    pub bytes: Vec<u8>,
}

pub struct Upload {
    pub files: Vec<UploadFile>,
    pub pack: Option<PackUpload>,
}

fn multipart_error(e: MultipartError) -> ApiError {
    let status = e.status();
    if status == StatusCode::PAYLOAD_TOO_LARGE {
        return ApiError::new(
            status,
            format!("the upload is too large: {}", e.body_text()),
            "上传内容超过本服务的上限；请分批上传或减小文件",
        );
    }
    ApiError::new(
        StatusCode::BAD_REQUEST,
        format!(
            "the upload is not a readable multipart form: {}",
            e.body_text()
        ),
        "上传内容无法读取（表单格式有误）",
    )
}

/// Why a file name in an upload is refused, if it is: names are labels, shown as given, but
/// never absolute, never with `..`, control characters or more than 1 000 bytes.
pub fn name_problem(name: &str) -> Option<&'static str> {
    if name.is_empty() {
        return Some("an empty file name");
    }
    if name.len() > 1000 {
        return Some("a file name longer than 1000 bytes");
    }
    if name.chars().any(|c| c.is_control()) {
        return Some("a control character in a file name");
    }
    if name.starts_with('/') || name.contains(":/") || name.starts_with("//") {
        return Some("an absolute file name");
    }
    if name.split('/').any(|part| part == ".." || part.is_empty()) {
        return Some("`..` or an empty part in a file name");
    }
    None
}

/// Read the whole form. `max_file_size` is the per-file limit (`--max-file-size`): a larger
/// report is read to its end (within the request limit) and reported as too large.
pub async fn read(
    mut form: Multipart,
    max_files: usize,
    max_file_size: u64,
) -> Result<Upload, ApiError> {
    let mut upload = Upload {
        files: Vec::new(),
        pack: None,
    };
    while let Some(mut field) = form.next_field().await.map_err(multipart_error)? {
        let kind = field.name().unwrap_or_default().to_string();
        if kind != "file" && kind != "pack" {
            return Err(ApiError::new(
                StatusCode::BAD_REQUEST,
                format!("unexpected form field `{kind}`: send reports as `file` fields and a rule pack as `pack`"),
                "上传表单含有未知字段",
            ));
        }
        // Browsers send `\` in names from some systems; the name is a label with `/`.
        let name = field.file_name().unwrap_or_default().replace('\\', "/");
        if let Some(problem) = name_problem(&name) {
            return Err(ApiError::new(
                StatusCode::BAD_REQUEST,
                format!("refused {problem} in the `{kind}` field: give each upload its file name (a relative path at most)"),
                "文件名无效（为空、过长、含控制字符、绝对路径或“..”）",
            ));
        }
        if kind == "pack" {
            if upload.pack.is_some() {
                return Err(ApiError::new(
                    StatusCode::BAD_REQUEST,
                    "more than one `pack` field: upload one rule pack at a time",
                    "一次只能试用一个规则包",
                ));
            }
            let limit = crate::pack::file::MAX_FILE_BYTES as u64;
            let mut bytes = Vec::new();
            while let Some(chunk) = field.chunk().await.map_err(multipart_error)? {
                bytes.extend_from_slice(&chunk);
                if bytes.len() as u64 > limit {
                    return Err(ApiError::new(
                        StatusCode::PAYLOAD_TOO_LARGE,
                        format!("the rule pack {name} is larger than the limit of {limit} bytes"),
                        format!("规则包 {name} 超过 {} 的上限", size_zh(limit)),
                    ));
                }
            }
            upload.pack = Some(PackUpload { name, bytes });
            continue;
        }
        if upload.files.len() >= max_files {
            return Err(ApiError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                format!("more than {max_files} files in one request; send them in several"),
                format!("一次最多上传 {max_files} 个文件；请分批上传"),
            ));
        }
        let mut bytes = Vec::new();
        let mut size = 0u64;
        while let Some(chunk) = field.chunk().await.map_err(multipart_error)? {
            size += chunk.len() as u64;
            if size <= max_file_size {
                bytes.extend_from_slice(&chunk);
            } else {
                bytes = Vec::new();
            }
        }
        let bytes = if size > max_file_size {
            Err(crate::source::SourceError::TooLarge {
                path: name.clone().into(),
                size: format!("{size} bytes"),
                limit: max_file_size,
            }
            .to_string())
        } else {
            Ok(bytes)
        };
        upload.files.push(UploadFile { name, bytes });
    }
    if upload.files.is_empty() {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "no report in the upload: send each report as a `file` field of a multipart form",
            "没有收到报告文件",
        ));
    }
    Ok(upload)
}

#[cfg(test)]
mod tests {
    use super::name_problem;

    #[test]
    fn names_are_labels_never_paths_out() {
        assert_eq!(name_problem("甲镇.docx"), None);
        assert_eq!(name_problem("乡镇/甲镇.docx"), None);
        for bad in [
            "",
            "/etc/passwd",
            "../x.txt",
            "a/../../x.txt",
            "a//b.txt",
            "c:/x.txt",
            "a\u{0}.txt",
            "x\n.txt",
        ] {
            assert!(name_problem(bad).is_some(), "{bad:?}");
        }
    }
}
