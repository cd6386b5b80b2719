;;; dateline.el --- dateline articles with eglot  -*- lexical-binding: t; -*-

;; Put this file on `load-path' and (require 'dateline), or paste its forms into init.el.
;; Needs Emacs 29+ (eglot built in) and `dateline' on `exec-path'.

;;; Code:

(require 'eglot)

(define-derived-mode dateline-article-mode text-mode "Article"
  "Major mode for dateline `*.article' files (a Key: value header, then prose)."
  ;; Articles have no comment syntax.
  (setq-local comment-start nil)
  (setq-local font-lock-defaults
              '((("^\\([A-Za-z][A-Za-z0-9_-]*\\):" 1 font-lock-keyword-face)
                 ("\\[@[^]]*\\]" . font-lock-constant-face)
                 ("{\\(date:[^}]*\\|undated-ok\\)}" . font-lock-preprocessor-face)))))

(add-to-list 'auto-mode-alist '("\\.article\\'" . dateline-article-mode))

(add-to-list 'eglot-server-programs '(dateline-article-mode . ("dateline" "lsp")))

;; Settings sent through workspace/configuration (section "dateline"); for example
;; (setq-default eglot-workspace-configuration
;;               '(:dateline (:dateScope "paragraph" :extraCues ["alleged"])))

(add-hook 'dateline-article-mode-hook #'eglot-ensure)

(provide 'dateline)
;;; dateline.el ends here
