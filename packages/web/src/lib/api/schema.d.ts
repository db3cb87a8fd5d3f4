// Generated from /api/openapi.json by packages/server/test/web-api-types.test.ts: do not edit.

export interface paths {
    "/api/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: version and uptime. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            name: string;
                            version: string;
                            uptime_sec: number;
                            started_at: number;
                        };
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: pings the database and the cache (Redis when configured). 503 when either fails. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ready" | "not_ready";
                            /** @description "ok" or "error: …" for each */
                            checks: {
                                database: string;
                                cache: string;
                            };
                            database: string;
                            cache_backend: string;
                        };
                    };
                };
                /** @description Not ready: the database or the cache did not answer */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ready" | "not_ready";
                            /** @description "ok" or "error: …" for each */
                            checks: {
                                database: string;
                                cache: string;
                            };
                            database: string;
                            cache_backend: string;
                        };
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with username or email and password; returns a session token (also set as an httpOnly cookie). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Username or email */
                        username: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            token: string;
                            expires_at: number;
                            user: {
                                id: number;
                                username: string;
                                /** @enum {string} */
                                role: "user" | "admin" | "root";
                                group: string;
                            };
                        };
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the current session on every node. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            username: string;
                            /** @enum {string} */
                            role: "user" | "admin" | "root";
                            group: string;
                        };
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the sign-up form needs: whether registration is open, whether it needs an emailed code, allowed email domains. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            registration_enabled: boolean;
                            email_verification_required: boolean;
                            email_suffixes: string[];
                            mail_enabled: boolean;
                        };
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/email-code": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mail a 6-digit code (valid 10 minutes, once) for registration or a password reset. One mail per address per minute. For `reset` the answer is the same whether or not the address has an account. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                        /** @enum {string} */
                        purpose: "register" | "reset";
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            expires_in_sec: number;
                            resend_after_sec: number;
                        };
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an account and sign in (returns a session like login). `code` (from POST /api/auth/email-code) is required when SMTP is configured and email verification is on (see GET /api/auth/options). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        username: string;
                        email: string;
                        password: string;
                        code?: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            token: string;
                            expires_at: number;
                            user: {
                                id: number;
                                username: string;
                                /** @enum {string} */
                                role: "user" | "admin" | "root";
                                group: string;
                            };
                        };
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/reset-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a new password with the code mailed by POST /api/auth/email-code (purpose `reset`). Ends every session of the account. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                        code: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/change-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change your password. Every other session of your account ends; this one keeps working. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        current_password: string;
                        new_password: string;
                    };
                };
            };
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Users, newest first, with their balance in micro-points; `search` matches username or email. */
        get: {
            parameters: {
                query?: {
                    search?: string;
                    role?: "user" | "admin" | "root";
                    status?: "active" | "banned";
                    page?: number;
                    page_size?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: number;
                                username: string;
                                email: string | null;
                                /** @enum {string} */
                                role: "user" | "admin" | "root";
                                group: string;
                                /** @enum {string} */
                                status: "active" | "banned";
                                /** @description micro-points */
                                balance: number;
                                created_at: number;
                                updated_at: number;
                            }[];
                            total: number;
                            page: number;
                            page_size: number;
                        };
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** Create a user (also when registration is closed), optionally with an opening grant posted to the ledger. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        username: string;
                        email?: string | null;
                        password: string;
                        /**
                         * @default user
                         * @enum {string}
                         */
                        role?: "user" | "admin" | "root";
                        /** @default normal */
                        group?: string;
                        /**
                         * @description micro-points credited at creation
                         * @default 0
                         */
                        grant?: number;
                    };
                };
            };
            responses: {
                /** @description OK */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            username: string;
                            email: string | null;
                            /** @enum {string} */
                            role: "user" | "admin" | "root";
                            group: string;
                            /** @enum {string} */
                            status: "active" | "banned";
                            /** @description micro-points */
                            balance: number;
                            created_at: number;
                            updated_at: number;
                        };
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One user. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            username: string;
                            email: string | null;
                            /** @enum {string} */
                            role: "user" | "admin" | "root";
                            group: string;
                            /** @enum {string} */
                            status: "active" | "banned";
                            /** @description micro-points */
                            balance: number;
                            created_at: number;
                            updated_at: number;
                        };
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a user: email, role, group, status (`banned` ends every session and stops the API keys at once), password (ends every session). Fields left out keep their value. */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email?: string | null;
                        /** @enum {string} */
                        role?: "user" | "admin" | "root";
                        group?: string;
                        /** @enum {string} */
                        status?: "active" | "banned";
                        password?: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            username: string;
                            email: string | null;
                            /** @enum {string} */
                            role: "user" | "admin" | "root";
                            group: string;
                            /** @enum {string} */
                            status: "active" | "banned";
                            /** @description micro-points */
                            balance: number;
                            created_at: number;
                            updated_at: number;
                        };
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        trace?: never;
    };
    "/api/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List your API keys (hints only, never the key). */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: number;
                                name: string;
                                key_hint: string;
                                /** @enum {string} */
                                status: "active" | "disabled";
                                expires_at: number | null;
                                models: string[] | null;
                                allow_ips: string[] | null;
                                quota_limit: number | null;
                                /** @description micro-points spent against quota_limit, calls in flight included */
                                quota_used: number;
                                rpm: number | null;
                                tpm: number | null;
                                created_at: number;
                                updated_at: number;
                                last_used_at: number | null;
                            }[];
                        };
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** Create an API key. The full key is returned once, in `key`. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default default */
                        name?: string;
                        /** @description Unix time in milliseconds; null = never */
                        expires_at?: number | null;
                        /** @description Allowed models; null = all */
                        models?: string[] | null;
                        /** @description Allowed client IPs / CIDR blocks; null = any */
                        allow_ips?: string[] | null;
                        /** @description Spending cap in micro-points (1 point = 1,000,000); null = no cap beyond your balance */
                        quota_limit?: number | null;
                        /** @description Requests per minute; null = unlimited */
                        rpm?: number | null;
                        /** @description Tokens (input + output) per minute; null = unlimited */
                        tpm?: number | null;
                    };
                };
            };
            responses: {
                /** @description OK */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            name: string;
                            key_hint: string;
                            /** @enum {string} */
                            status: "active" | "disabled";
                            expires_at: number | null;
                            models: string[] | null;
                            allow_ips: string[] | null;
                            quota_limit: number | null;
                            /** @description micro-points spent against quota_limit, calls in flight included */
                            quota_used: number;
                            rpm: number | null;
                            tpm: number | null;
                            created_at: number;
                            updated_at: number;
                            last_used_at: number | null;
                            key: string;
                        };
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete an API key. It stops working at once on every node. */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Rename, disable/enable, or change the limits of an API key. */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        /** @enum {string} */
                        status?: "active" | "disabled";
                        /** @description Unix time in milliseconds; null = never */
                        expires_at?: number | null;
                        /** @description Allowed models; null = all */
                        models?: string[] | null;
                        /** @description Allowed client IPs / CIDR blocks; null = any */
                        allow_ips?: string[] | null;
                        /** @description Spending cap in micro-points (1 point = 1,000,000); null = no cap beyond your balance */
                        quota_limit?: number | null;
                        /** @description Requests per minute; null = unlimited */
                        rpm?: number | null;
                        /** @description Tokens (input + output) per minute; null = unlimited */
                        tpm?: number | null;
                        /** @description start the spending count again from zero */
                        reset_quota_used?: boolean;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            name: string;
                            key_hint: string;
                            /** @enum {string} */
                            status: "active" | "disabled";
                            expires_at: number | null;
                            models: string[] | null;
                            allow_ips: string[] | null;
                            quota_limit: number | null;
                            /** @description micro-points spent against quota_limit, calls in flight included */
                            quota_used: number;
                            rpm: number | null;
                            tpm: number | null;
                            created_at: number;
                            updated_at: number;
                            last_used_at: number | null;
                        };
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        trace?: never;
    };
    "/api/admin/channel-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Channel type presets: default base URL, template models, key format. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: string;
                                name: string;
                                /** @description the wire protocol the relay speaks to this upstream */
                                protocol: string;
                                /** @description default base URL; "" where it is per account (Azure) or unknown (custom) */
                                base_url: string;
                                /** @description how a key of several parts is written (joined by "|"); null for a plain API key */
                                key_format: string | null;
                                /** @description template models */
                                models: string[];
                                /** @description vendor API documentation */
                                docs: string | null;
                            }[];
                        };
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/channels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List channels (keys masked). */
        get: {
            parameters: {
                query?: {
                    tag?: string;
                    type?: "openai" | "azure" | "anthropic" | "gemini" | "bedrock" | "vertex" | "dashscope" | "hunyuan-native" | "spark-native" | "deepseek" | "moonshot" | "groq" | "openrouter" | "mistral" | "xai" | "siliconflow" | "zhipu" | "baichuan" | "zhinao" | "hunyuan" | "doubao" | "spark" | "qwen" | "qianfan" | "perplexity" | "ollama" | "localai" | "openai-compatible";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: number;
                                name: string;
                                type: string;
                                base_url: string;
                                /** @description Masked, one per line */
                                keys: string;
                                key_count: number;
                                models: string[];
                                mapping: string;
                                groups: string[];
                                priority: number;
                                weight: number;
                                retry: number;
                                /** @enum {string} */
                                status: "enabled" | "disabled" | "auto_disabled";
                                /** @description Credentials masked */
                                proxy: string | null;
                                /** @description Values masked */
                                headers: {
                                    [key: string]: string;
                                };
                                test_model: string | null;
                                tag: string | null;
                                created_at: number;
                                updated_at: number;
                            }[];
                        };
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** Create a channel. base_url and models default to the type preset. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** @enum {string} */
                        type: "openai" | "azure" | "anthropic" | "gemini" | "bedrock" | "vertex" | "dashscope" | "hunyuan-native" | "spark-native" | "deepseek" | "moonshot" | "groq" | "openrouter" | "mistral" | "xai" | "siliconflow" | "zhipu" | "baichuan" | "zhinao" | "hunyuan" | "doubao" | "spark" | "qwen" | "qianfan" | "perplexity" | "ollama" | "localai" | "openai-compatible";
                        /** @description Defaults to the type preset */
                        base_url?: string;
                        /** @description One key per line; multi-part keys joined by | */
                        keys: string;
                        /** @description Defaults to the type template models */
                        models?: string[];
                        /**
                         * @description from>to per line; !from>to also hides `to`
                         * @default
                         */
                        mapping?: string;
                        /**
                         * @description Empty = every group
                         * @default []
                         */
                        groups?: string[];
                        /** @default 0 */
                        priority?: number;
                        /** @default 1 */
                        weight?: number;
                        /**
                         * @description Attempts on this channel before the next priority tier
                         * @default 1
                         */
                        retry?: number;
                        /**
                         * @default enabled
                         * @enum {string}
                         */
                        status?: "enabled" | "disabled";
                        /** @default null */
                        proxy?: string | null;
                        /** @default {} */
                        headers?: {
                            [key: string]: string;
                        };
                        /** @default null */
                        test_model?: string | null;
                        /** @default null */
                        tag?: string | null;
                    };
                };
            };
            responses: {
                /** @description OK */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            name: string;
                            type: string;
                            base_url: string;
                            /** @description Masked, one per line */
                            keys: string;
                            key_count: number;
                            models: string[];
                            mapping: string;
                            groups: string[];
                            priority: number;
                            weight: number;
                            retry: number;
                            /** @enum {string} */
                            status: "enabled" | "disabled" | "auto_disabled";
                            /** @description Credentials masked */
                            proxy: string | null;
                            /** @description Values masked */
                            headers: {
                                [key: string]: string;
                            };
                            test_model: string | null;
                            tag: string | null;
                            created_at: number;
                            updated_at: number;
                        };
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/channels/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One channel (keys masked). */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            name: string;
                            type: string;
                            base_url: string;
                            /** @description Masked, one per line */
                            keys: string;
                            key_count: number;
                            models: string[];
                            mapping: string;
                            groups: string[];
                            priority: number;
                            weight: number;
                            retry: number;
                            /** @enum {string} */
                            status: "enabled" | "disabled" | "auto_disabled";
                            /** @description Credentials masked */
                            proxy: string | null;
                            /** @description Values masked */
                            headers: {
                                [key: string]: string;
                            };
                            test_model: string | null;
                            tag: string | null;
                            created_at: number;
                            updated_at: number;
                        };
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a channel. */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Change channel fields; omitted fields (keys included) stay as they are. */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        /** @enum {string} */
                        type?: "openai" | "azure" | "anthropic" | "gemini" | "bedrock" | "vertex" | "dashscope" | "hunyuan-native" | "spark-native" | "deepseek" | "moonshot" | "groq" | "openrouter" | "mistral" | "xai" | "siliconflow" | "zhipu" | "baichuan" | "zhinao" | "hunyuan" | "doubao" | "spark" | "qwen" | "qianfan" | "perplexity" | "ollama" | "localai" | "openai-compatible";
                        base_url?: string;
                        keys?: string;
                        models?: string[];
                        mapping?: string;
                        groups?: string[];
                        priority?: number;
                        weight?: number;
                        retry?: number;
                        /** @enum {string} */
                        status?: "enabled" | "disabled";
                        proxy?: string | null;
                        headers?: {
                            [key: string]: string;
                        };
                        test_model?: string | null;
                        tag?: string | null;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            name: string;
                            type: string;
                            base_url: string;
                            /** @description Masked, one per line */
                            keys: string;
                            key_count: number;
                            models: string[];
                            mapping: string;
                            groups: string[];
                            priority: number;
                            weight: number;
                            retry: number;
                            /** @enum {string} */
                            status: "enabled" | "disabled" | "auto_disabled";
                            /** @description Credentials masked */
                            proxy: string | null;
                            /** @description Values masked */
                            headers: {
                                [key: string]: string;
                            };
                            test_model: string | null;
                            tag: string | null;
                            created_at: number;
                            updated_at: number;
                        };
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        trace?: never;
    };
    "/api/admin/channels/{id}/secrets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Reveal a channel’s keys, proxy and headers (root only). */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            keys: string;
                            proxy: string | null;
                            headers: {
                                [key: string]: string;
                            };
                        };
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Models available to you, with their capabilities (vision, tools, reasoning, context window, modalities). */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: string;
                                capabilities: {
                                    known: boolean;
                                    kind: string;
                                    vision: boolean;
                                    tools: boolean;
                                    reasoning: boolean;
                                    context_window: number;
                                    max_output: number | null;
                                    input: string[];
                                    output: string[];
                                };
                            }[];
                        };
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/prices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every model price. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                model: string;
                                /** @enum {string} */
                                mode: "free" | "request" | "token";
                                per_request: number;
                                input: number;
                                output: number;
                                cached_input: number | null;
                                cache_write: number | null;
                                unit_tokens: 1000 | 1000000;
                                anonymous: boolean;
                                updated_at: number;
                            }[];
                        };
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/prices/{model}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set the price of a model (created or replaced). It applies on every node at once. */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    model: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        mode: "free" | "request" | "token";
                        /**
                         * @description request pricing: micro-points per call
                         * @default 0
                         */
                        per_request?: number;
                        /**
                         * @description token pricing: micro-points per unit_tokens input tokens
                         * @default 0
                         */
                        input?: number;
                        /**
                         * @description micro-points (1 point = 1,000,000)
                         * @default 0
                         */
                        output?: number;
                        /**
                         * @description cache reads; null = the input price
                         * @default null
                         */
                        cached_input?: number | null;
                        /**
                         * @description cache writes; null = the input price
                         * @default null
                         */
                        cache_write?: number | null;
                        /** @default 1000000 */
                        unit_tokens?: 1000 | 1000000;
                        /**
                         * @description signed-out users may use this model (free models only)
                         * @default false
                         */
                        anonymous?: boolean;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            model: string;
                            /** @enum {string} */
                            mode: "free" | "request" | "token";
                            per_request: number;
                            input: number;
                            output: number;
                            cached_input: number | null;
                            cache_write: number | null;
                            unit_tokens: 1000 | 1000000;
                            anonymous: boolean;
                            updated_at: number;
                        };
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        post?: never;
        /** Remove the price of a model: it becomes unpriced (refused to non-admins). */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    model: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/charge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Model prices in Chat Nio's charge format (points per request or per 1K tokens). */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @enum {string} */
                            type: "non-billing" | "times-billing" | "token-billing";
                            models: string[];
                            input: number;
                            output: number;
                            anonymous: boolean;
                        }[];
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List codes, by batch, kind or status (at most 10,000). */
        get: {
            parameters: {
                query?: {
                    batch?: string;
                    kind?: "redeem" | "gift";
                    status?: "unused" | "used";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: number;
                                code: string;
                                /** @enum {string} */
                                kind: "redeem" | "gift";
                                gift_type: string | null;
                                amount: number;
                                batch: string;
                                /** @enum {string} */
                                status: "unused" | "used";
                                used_by: number | null;
                                used_at: number | null;
                                created_at: number;
                            }[];
                        };
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** Generate a batch of redeem or gift codes (random, never sequential). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description redeem: any user, once; gift: once, and one per gift type per user
                         * @enum {string}
                         */
                        kind: "redeem" | "gift";
                        /** @description micro-points each code credits */
                        amount: number;
                        count: number;
                        gift_type?: string;
                        prefix?: string;
                        batch?: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            batch: string;
                            data: {
                                id: number;
                                code: string;
                                /** @enum {string} */
                                kind: "redeem" | "gift";
                                gift_type: string | null;
                                amount: number;
                                batch: string;
                                /** @enum {string} */
                                status: "unused" | "used";
                                used_by: number | null;
                                used_at: number | null;
                                created_at: number;
                            }[];
                        };
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/codes/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The listed codes as a CSV file (points, not micro-points). */
        get: {
            parameters: {
                query?: {
                    batch?: string;
                    kind?: "redeem" | "gift";
                    status?: "unused" | "used";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/codes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a code. */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/codes/redeem": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Redeem a code: its points are added to your balance. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            kind: "redeem" | "gift";
                            amount: number;
                            balance: number;
                        };
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/billing/balance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your balance, in micro-points and in the display currency. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            balance: number;
                            points: number;
                            currency: string;
                            currency_amount: number;
                            points_per_currency_unit: number;
                        };
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/billing/ledger": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your ledger, newest first (`before` = an id, for the next page). */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    before?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: number;
                                kind: string;
                                amount: number;
                                balance_after: number;
                                request_id: string | null;
                                note: string | null;
                                created_at: number;
                            }[];
                        };
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/users/{id}/balance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add to (or, with a negative amount, take from) a user's points. A debit larger than the balance is refused. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description micro-points; negative takes points away */
                        amount: number;
                        note?: string;
                        /** @description the same key applies the adjustment once */
                        idempotency_key?: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            balance: number;
                            duplicate: boolean;
                        };
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every runtime settings section (registration, plans, response_cache). */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            registration: {
                                /**
                                 * @description registration on/off (administrators can still create users)
                                 * @default true
                                 */
                                enabled: boolean;
                                /**
                                 * @description require a 6-digit code sent to the address; applies only when SMTP is configured
                                 * @default true
                                 */
                                email_verification: boolean;
                                /**
                                 * @description allowed email domains, e.g. ["gmail.com","qq.com"]; empty = any
                                 * @default []
                                 */
                                email_suffixes: string[];
                                /**
                                 * @description micro-points credited to each new account
                                 * @default 0
                                 */
                                signup_grant: number;
                            };
                            plans: {
                                /**
                                 * @description plans can be bought and are used before points
                                 * @default false
                                 */
                                enabled: boolean;
                                /**
                                 * @description API (/v1) calls may use plan quota too, not only the chat app
                                 * @default false
                                 */
                                relay_uses_plans: boolean;
                            };
                            response_cache: {
                                /**
                                 * @description which models are cached besides those listed: none, every free model, or every model
                                 * @default none
                                 * @enum {string}
                                 */
                                preset: "none" | "free" | "all";
                                /**
                                 * @description models cached whatever the preset
                                 * @default []
                                 */
                                models: string[];
                                /** @default 3600 */
                                ttl_sec: number;
                                /**
                                 * @description alternative answers kept per request
                                 * @default 1
                                 */
                                size: number;
                            };
                            chat: {
                                /**
                                 * @description a model that writes a short title after the first answer, billed like a chat message; "" = keep the first words of the first message
                                 * @default
                                 */
                                title_model: string;
                                /**
                                 * @description messages one signed-out client address may send per minute to models open to signed-out users; 0 = no anonymous chat
                                 * @default 10
                                 */
                                anonymous_per_minute: number;
                            };
                        };
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/settings/registration": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the registration settings; fields left out keep their value. Applies on every node at once. */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        enabled?: boolean;
                        email_verification?: boolean;
                        email_suffixes?: string[];
                        signup_grant?: number;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description registration on/off (administrators can still create users)
                             * @default true
                             */
                            enabled: boolean;
                            /**
                             * @description require a 6-digit code sent to the address; applies only when SMTP is configured
                             * @default true
                             */
                            email_verification: boolean;
                            /**
                             * @description allowed email domains, e.g. ["gmail.com","qq.com"]; empty = any
                             * @default []
                             */
                            email_suffixes: string[];
                            /**
                             * @description micro-points credited to each new account
                             * @default 0
                             */
                            signup_grant: number;
                        };
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        trace?: never;
    };
    "/api/admin/settings/plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the plans settings; fields left out keep their value. Applies on every node at once. */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        enabled?: boolean;
                        relay_uses_plans?: boolean;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description plans can be bought and are used before points
                             * @default false
                             */
                            enabled: boolean;
                            /**
                             * @description API (/v1) calls may use plan quota too, not only the chat app
                             * @default false
                             */
                            relay_uses_plans: boolean;
                        };
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        trace?: never;
    };
    "/api/admin/settings/response_cache": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the response_cache settings; fields left out keep their value. Applies on every node at once. */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        preset?: "none" | "free" | "all";
                        models?: string[];
                        ttl_sec?: number;
                        size?: number;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description which models are cached besides those listed: none, every free model, or every model
                             * @default none
                             * @enum {string}
                             */
                            preset: "none" | "free" | "all";
                            /**
                             * @description models cached whatever the preset
                             * @default []
                             */
                            models: string[];
                            /** @default 3600 */
                            ttl_sec: number;
                            /**
                             * @description alternative answers kept per request
                             * @default 1
                             */
                            size: number;
                        };
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        trace?: never;
    };
    "/api/admin/settings/chat": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the chat settings; fields left out keep their value. Applies on every node at once. */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title_model?: string;
                        anonymous_per_minute?: number;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description a model that writes a short title after the first answer, billed like a chat message; "" = keep the first words of the first message
                             * @default
                             */
                            title_model: string;
                            /**
                             * @description messages one signed-out client address may send per minute to models open to signed-out users; 0 = no anonymous chat
                             * @default 10
                             */
                            anonymous_per_minute: number;
                        };
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        trace?: never;
    };
    "/api/admin/plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every plan, by level, whether or not plans are enabled. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                level: number;
                                name: string;
                                price: number;
                                /** @enum {string} */
                                period: "monthly" | "weekly" | "daily";
                                items: {
                                    /** @description identifies the usage counter; an item with the same id on another level shares the counter */
                                    id: string;
                                    name: string;
                                    /**
                                     * @description an emoji or an image URL
                                     * @default
                                     */
                                    icon: string;
                                    /** @description uses per period; -1 = unlimited, 0 = none */
                                    quota: number;
                                    /** @description the models one use of this item pays for */
                                    models: string[];
                                }[];
                                updated_at: number;
                            }[];
                        };
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/plans/{level}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One plan. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    level: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            level: number;
                            name: string;
                            price: number;
                            /** @enum {string} */
                            period: "monthly" | "weekly" | "daily";
                            items: {
                                /** @description identifies the usage counter; an item with the same id on another level shares the counter */
                                id: string;
                                name: string;
                                /**
                                 * @description an emoji or an image URL
                                 * @default
                                 */
                                icon: string;
                                /** @description uses per period; -1 = unlimited, 0 = none */
                                quota: number;
                                /** @description the models one use of this item pays for */
                                models: string[];
                            }[];
                            updated_at: number;
                        };
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        /** Create or replace the plan of a level (1 = lowest). Applies on every node at once. */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    level: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description e.g. basic, standard, pro */
                        name: string;
                        /** @description micro-points per month (1 point = 1,000,000) */
                        price: number;
                        /**
                         * @description how often item quotas reset, counted from the subscription start
                         * @default monthly
                         * @enum {string}
                         */
                        period?: "monthly" | "weekly" | "daily";
                        /** @default [] */
                        items?: {
                            /** @description identifies the usage counter; an item with the same id on another level shares the counter */
                            id: string;
                            name: string;
                            /**
                             * @description an emoji or an image URL
                             * @default
                             */
                            icon?: string;
                            /** @description uses per period; -1 = unlimited, 0 = none */
                            quota: number;
                            /** @description the models one use of this item pays for */
                            models: string[];
                        }[];
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            level: number;
                            name: string;
                            price: number;
                            /** @enum {string} */
                            period: "monthly" | "weekly" | "daily";
                            items: {
                                /** @description identifies the usage counter; an item with the same id on another level shares the counter */
                                id: string;
                                name: string;
                                /**
                                 * @description an emoji or an image URL
                                 * @default
                                 */
                                icon: string;
                                /** @description uses per period; -1 = unlimited, 0 = none */
                                quota: number;
                                /** @description the models one use of this item pays for */
                                models: string[];
                            }[];
                            updated_at: number;
                        };
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        post?: never;
        /** Delete a plan; refused (409) while anyone is subscribed to it. */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    level: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The plans on sale (none while plans are disabled), with prices in micro-points and the multi-month discounts. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            enabled: boolean;
                            currency: string;
                            points_per_currency_unit: number;
                            discounts: {
                                min_months: number;
                                percent: number;
                            }[];
                            data: {
                                level: number;
                                name: string;
                                price: number;
                                /** @enum {string} */
                                period: "monthly" | "weekly" | "daily";
                                items: {
                                    /** @description identifies the usage counter; an item with the same id on another level shares the counter */
                                    id: string;
                                    name: string;
                                    /**
                                     * @description an emoji or an image URL
                                     * @default
                                     */
                                    icon: string;
                                    /** @description uses per period; -1 = unlimited, 0 = none */
                                    quota: number;
                                    /** @description the models one use of this item pays for */
                                    models: string[];
                                }[];
                            }[];
                        };
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The plans in Chat Nio's raw format (price per month in the display currency, value = uses per period), public, for syncing; [] while plans are disabled. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            level: number;
                            /** @description currency units per month */
                            price: number;
                            items: {
                                id: string;
                                name: string;
                                icon: string;
                                value: number;
                                models: string[];
                            }[];
                        }[];
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/billing/subscription": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your subscription: level, expiry, and per item the uses taken this period, the quota and when it resets. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            enabled: boolean;
                            active: boolean;
                            level: number;
                            name: string | null;
                            period: ("monthly" | "weekly" | "daily") | null;
                            started_at: number | null;
                            expires_at: number | null;
                            total_months: number;
                            items: {
                                id: string;
                                name: string;
                                icon: string;
                                models: string[];
                                used: number;
                                /** @description uses per period; -1 = unlimited */
                                total: number;
                                resets_at: number;
                            }[];
                        };
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/billing/subscribe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Buy a plan with points: months at the monthly price (×0.9 from 6, ×0.8 from 12, ×0.7 from 36 months). Renewing extends the expiry; an upgrade pays the days left × the price difference / 30; a downgrade is free and rescales the time left. months = 0 only changes the level. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        level: number;
                        months: number;
                        /** @description the same id buys once (retries, double submits); generated when absent */
                        request_id?: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            kind: "new" | "renew" | "upgrade" | "downgrade";
                            /** @description micro-points paid */
                            cost: number;
                            balance: number;
                            duplicate: boolean;
                            subscription: {
                                enabled: boolean;
                                active: boolean;
                                level: number;
                                name: string | null;
                                period: ("monthly" | "weekly" | "daily") | null;
                                started_at: number | null;
                                expires_at: number | null;
                                total_months: number;
                                items: {
                                    id: string;
                                    name: string;
                                    icon: string;
                                    models: string[];
                                    used: number;
                                    /** @description uses per period; -1 = unlimited */
                                    total: number;
                                    resets_at: number;
                                }[];
                            };
                        };
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/users/{id}/subscription": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A user's subscription and this period's uses. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            enabled: boolean;
                            active: boolean;
                            level: number;
                            name: string | null;
                            period: ("monthly" | "weekly" | "daily") | null;
                            started_at: number | null;
                            expires_at: number | null;
                            total_months: number;
                            items: {
                                id: string;
                                name: string;
                                icon: string;
                                models: string[];
                                used: number;
                                /** @description uses per period; -1 = unlimited */
                                total: number;
                                resets_at: number;
                            }[];
                        };
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** Set a user's level and expiry without payment (level 0 ends the subscription). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        level: number;
                        /** @description UTC milliseconds */
                        expires_at: number;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            enabled: boolean;
                            active: boolean;
                            level: number;
                            name: string | null;
                            period: ("monthly" | "weekly" | "daily") | null;
                            started_at: number | null;
                            expires_at: number | null;
                            total_months: number;
                            items: {
                                id: string;
                                name: string;
                                icon: string;
                                models: string[];
                                used: number;
                                /** @description uses per period; -1 = unlimited */
                                total: number;
                                resets_at: number;
                            }[];
                        };
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/users/{id}/subscription/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Zero a user's use counters (Chat Nio's "release usage"). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description counters that held uses */
                            released: number;
                        };
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/market": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every market entry, in market order. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                model: string;
                                name: string;
                                description: string;
                                tags: string[];
                                avatar: string;
                                default: boolean;
                                high_context: boolean;
                                order: number;
                                updated_at: number;
                            }[];
                        };
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        /** Replace the whole market with this list, in this order (at most 1000), all at once: a bad entry changes nothing. */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        model: string;
                        /** @description shown instead of the model id */
                        name: string;
                        /** @default  */
                        description?: string;
                        /** @default [] */
                        tags?: string[];
                        /**
                         * @description a built-in provider icon id (e.g. "openai") or an http(s) image URL; "" = chosen by the page
                         * @default
                         */
                        avatar?: string;
                        /**
                         * @description offered in the default model picker
                         * @default false
                         */
                        default?: boolean;
                        /**
                         * @description has a long context window
                         * @default false
                         */
                        high_context?: boolean;
                    }[];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                model: string;
                                name: string;
                                description: string;
                                tags: string[];
                                avatar: string;
                                default: boolean;
                                high_context: boolean;
                                order: number;
                                updated_at: number;
                            }[];
                        };
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/market/{model}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Create or replace the market entry of a model (URL-encode a "/" in its id). Applies on every node at once. */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    model: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description shown instead of the model id */
                        name: string;
                        /** @default  */
                        description?: string;
                        /** @default [] */
                        tags?: string[];
                        /**
                         * @description a built-in provider icon id (e.g. "openai") or an http(s) image URL; "" = chosen by the page
                         * @default
                         */
                        avatar?: string;
                        /**
                         * @description offered in the default model picker
                         * @default false
                         */
                        default?: boolean;
                        /**
                         * @description has a long context window
                         * @default false
                         */
                        high_context?: boolean;
                        /** @description position in the market, lowest first */
                        order?: number;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            model: string;
                            name: string;
                            description: string;
                            tags: string[];
                            avatar: string;
                            default: boolean;
                            high_context: boolean;
                            order: number;
                            updated_at: number;
                        };
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        post?: never;
        /** Remove a model from the market (its price and channels stay). */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    model: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/market": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The market in order, each model with its price and, for a signed-in caller, whether their plan covers it and whether it is a favourite. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                model: string;
                                name: string;
                                description: string;
                                tags: string[];
                                avatar: string;
                                default: boolean;
                                high_context: boolean;
                                order: number;
                                /** @description as in GET /api/admin/prices, micro-points; null = unpriced (only administrators may use it) */
                                price: {
                                    /** @enum {string} */
                                    mode: "free" | "request" | "token";
                                    per_request: number;
                                    input: number;
                                    output: number;
                                    cached_input: number | null;
                                    cache_write: number | null;
                                    unit_tokens: 1000 | 1000000;
                                    anonymous: boolean;
                                } | null;
                                /** @description the caller's running subscription pays for this model */
                                plan: boolean;
                                /** @description in the caller's favourites */
                                favorite: boolean;
                            }[];
                        };
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/market": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The market in Chat Nio's shape, public, so another site (or a Chat Nio front end) can sync it; prices are in /v1/charge. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            description: string;
                            default: boolean;
                            high_context: boolean;
                            avatar: string;
                            tag: string[];
                        }[];
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/market/favorites": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's favourite models, in their order. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description model ids, in the order the user chose */
                            data: string[];
                        };
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        /** Replace the caller's favourites with this ordered list of market models. */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        models: string[];
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description model ids, in the order the user chose */
                            data: string[];
                        };
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/presets/builtin": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The built-in presets in one language (en when the language is not one of the web app's). */
        get: {
            parameters: {
                query?: {
                    lang?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description the language answered
                             * @enum {string}
                             */
                            lang: "zh-CN" | "zh-TW" | "en" | "ja" | "ru";
                            data: {
                                /** @description stable; clone it with POST /api/presets/clone/{id} */
                                id: string;
                                avatar: string;
                                name: string;
                                description: string;
                                context: {
                                    /** @enum {string} */
                                    role: "system" | "user" | "assistant";
                                    content: string;
                                }[];
                            }[];
                        };
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/presets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's presets, most recently changed first; with ?since=<ms>, those changed at or after it, deletions included, oldest change first (for sync). */
        get: {
            parameters: {
                query?: {
                    since?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: string;
                                avatar: string;
                                name: string;
                                description: string;
                                context: {
                                    /** @enum {string} */
                                    role: "system" | "user" | "assistant";
                                    content: string;
                                }[];
                                created_at: number;
                                /** @description ms; pass the largest one seen as ?since= to fetch only what changed after */
                                updated_at: number;
                                /** @description ms; set for a deleted preset (only listed with ?since=) */
                                deleted_at: number | null;
                            }[];
                        };
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** Create a preset (at most 500 per user). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description an emoji such as "🌐", or an http(s) image URL; "" = chosen by the page
                         * @default
                         */
                        avatar?: string;
                        name: string;
                        /** @default  */
                        description?: string;
                        /** @default [] */
                        context?: {
                            /** @enum {string} */
                            role: "system" | "user" | "assistant";
                            content: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description OK */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            avatar: string;
                            name: string;
                            description: string;
                            context: {
                                /** @enum {string} */
                                role: "system" | "user" | "assistant";
                                content: string;
                            }[];
                            created_at: number;
                            /** @description ms; pass the largest one seen as ?since= to fetch only what changed after */
                            updated_at: number;
                            /** @description ms; set for a deleted preset (only listed with ?since=) */
                            deleted_at: number | null;
                        };
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/presets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of the caller's presets. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            avatar: string;
                            name: string;
                            description: string;
                            context: {
                                /** @enum {string} */
                                role: "system" | "user" | "assistant";
                                content: string;
                            }[];
                            created_at: number;
                            /** @description ms; pass the largest one seen as ?since= to fetch only what changed after */
                            updated_at: number;
                            /** @description ms; set for a deleted preset (only listed with ?since=) */
                            deleted_at: number | null;
                        };
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        /** Replace one of the caller's presets. */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description an emoji such as "🌐", or an http(s) image URL; "" = chosen by the page
                         * @default
                         */
                        avatar?: string;
                        name: string;
                        /** @default  */
                        description?: string;
                        /** @default [] */
                        context?: {
                            /** @enum {string} */
                            role: "system" | "user" | "assistant";
                            content: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            avatar: string;
                            name: string;
                            description: string;
                            context: {
                                /** @enum {string} */
                                role: "system" | "user" | "assistant";
                                content: string;
                            }[];
                            created_at: number;
                            /** @description ms; pass the largest one seen as ?since= to fetch only what changed after */
                            updated_at: number;
                            /** @description ms; set for a deleted preset (only listed with ?since=) */
                            deleted_at: number | null;
                        };
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        post?: never;
        /** Delete one of the caller's presets; other devices see the deletion through ?since=. */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/presets/clone/{builtinId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Copy a built-in preset, in the language given, into the caller's presets. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    builtinId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description one of zh-CN, zh-TW, en, ja, ru; another well-formed tag falls back to the nearest one, else en
                         * @default en
                         */
                        lang?: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            avatar: string;
                            name: string;
                            description: string;
                            context: {
                                /** @enum {string} */
                                role: "system" | "user" | "assistant";
                                content: string;
                            }[];
                            created_at: number;
                            /** @description ms; pass the largest one seen as ?since= to fetch only what changed after */
                            updated_at: number;
                            /** @description ms; set for a deleted preset (only listed with ?since=) */
                            deleted_at: number | null;
                        };
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/chat/conversations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's conversations, pinned first then most recently changed, in pages; ?q= filters by title and content. With ?since=<ms> (sync): those changed at or after it, deletions included, oldest change first. */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    q?: string;
                    since?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: string;
                                /** @description "" until the first message names it */
                                title: string;
                                /**
                                 * @description auto: first words of the first message; model: written by the title model; user: set by the user
                                 * @enum {string}
                                 */
                                title_source: "auto" | "model" | "user";
                                pinned: boolean;
                                settings: {
                                    /**
                                     * @description "" = the market's default model
                                     * @default
                                     */
                                    model: string;
                                    /**
                                     * @description earlier messages sent with each new one
                                     * @default 8
                                     */
                                    context_length: number;
                                    /** @default null */
                                    max_tokens: number | null;
                                    /** @default null */
                                    temperature: number | null;
                                    /** @default null */
                                    top_p: number | null;
                                    /** @default null */
                                    top_k: number | null;
                                    /** @default null */
                                    presence_penalty: number | null;
                                    /** @default null */
                                    frequency_penalty: number | null;
                                    /** @default null */
                                    repetition_penalty: number | null;
                                    /** @default  */
                                    system_prompt: string;
                                    /**
                                     * @description stored for web search (used once search is configured)
                                     * @default false
                                     */
                                    web_search: boolean;
                                };
                                /** @description the last message of the branch every device shows; null when empty */
                                current_leaf_id: string | null;
                                created_at: number;
                                /** @description ms; changes with every change a user can see (the next ?since= cursor) */
                                updated_at: number;
                                /** @description ms; set on a deleted conversation (only listed with ?since=) */
                                deleted_at: number | null;
                            }[];
                            /** @description pass back as ?cursor= for the next page; null on the last */
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** Start a conversation, empty or from a preset (its system messages become the system prompt, its other messages the first messages). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description left out: the first words of the first message */
                        title?: string;
                        /** @description left out fields take their defaults (after the preset's system prompt) */
                        settings?: {
                            model?: string;
                            context_length?: number;
                            max_tokens?: number | null;
                            temperature?: number | null;
                            top_p?: number | null;
                            top_k?: number | null;
                            presence_penalty?: number | null;
                            frequency_penalty?: number | null;
                            repetition_penalty?: number | null;
                            system_prompt?: string;
                            web_search?: boolean;
                        };
                        /** @description a preset of yours (uuid) or a built-in one (id) */
                        preset_id?: string;
                        /**
                         * @description the language of a built-in preset
                         * @default en
                         */
                        lang?: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description "" until the first message names it */
                            title: string;
                            /**
                             * @description auto: first words of the first message; model: written by the title model; user: set by the user
                             * @enum {string}
                             */
                            title_source: "auto" | "model" | "user";
                            pinned: boolean;
                            settings: {
                                /**
                                 * @description "" = the market's default model
                                 * @default
                                 */
                                model: string;
                                /**
                                 * @description earlier messages sent with each new one
                                 * @default 8
                                 */
                                context_length: number;
                                /** @default null */
                                max_tokens: number | null;
                                /** @default null */
                                temperature: number | null;
                                /** @default null */
                                top_p: number | null;
                                /** @default null */
                                top_k: number | null;
                                /** @default null */
                                presence_penalty: number | null;
                                /** @default null */
                                frequency_penalty: number | null;
                                /** @default null */
                                repetition_penalty: number | null;
                                /** @default  */
                                system_prompt: string;
                                /**
                                 * @description stored for web search (used once search is configured)
                                 * @default false
                                 */
                                web_search: boolean;
                            };
                            /** @description the last message of the branch every device shows; null when empty */
                            current_leaf_id: string | null;
                            created_at: number;
                            /** @description ms; changes with every change a user can see (the next ?since= cursor) */
                            updated_at: number;
                            /** @description ms; set on a deleted conversation (only listed with ?since=) */
                            deleted_at: number | null;
                            /** @description the whole tree, oldest first; the client shows the path root → current_leaf_id */
                            messages: {
                                id: string;
                                /** @description null for a root; siblings are alternative branches (regenerate, edit) */
                                parent_id: string | null;
                                /** @enum {string} */
                                role: "user" | "assistant";
                                content: string;
                                reasoning: string | null;
                                attachments: {
                                    /** @constant */
                                    type: "image";
                                    url: string;
                                }[];
                                /** @enum {string} */
                                status: "done" | "generating" | "stopped" | "interrupted" | "error";
                                model: string | null;
                                /** @description display name of the provider that answered */
                                provider: string | null;
                                prompt_tokens: number | null;
                                completion_tokens: number | null;
                                /** @description micro-points charged (1 point = 1,000,000); 0 when a plan paid */
                                cost: number | null;
                                /** @description the plan item that paid for the answer, if one did */
                                plan_item: string | null;
                                latency_ms: number | null;
                                ttft_ms: number | null;
                                finish_reason: string | null;
                                /** @description what went wrong, in English, upstream addresses hidden */
                                error: string | null;
                                /** @description why it failed, for clients to word in their language: a billing or routing refusal's code (insufficient_balance, model_not_found, …), upstream_stream_failed, interrupted */
                                error_code: string | null;
                                created_at: number;
                                updated_at: number;
                            }[];
                        };
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        /** Delete all of the caller's conversations. */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description how many conversations were deleted */
                            deleted: number;
                        };
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/chat/conversations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One conversation with all its messages (the tree). Answers an ETag; with If-None-Match holding it, 304 while nothing changed. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description "" until the first message names it */
                            title: string;
                            /**
                             * @description auto: first words of the first message; model: written by the title model; user: set by the user
                             * @enum {string}
                             */
                            title_source: "auto" | "model" | "user";
                            pinned: boolean;
                            settings: {
                                /**
                                 * @description "" = the market's default model
                                 * @default
                                 */
                                model: string;
                                /**
                                 * @description earlier messages sent with each new one
                                 * @default 8
                                 */
                                context_length: number;
                                /** @default null */
                                max_tokens: number | null;
                                /** @default null */
                                temperature: number | null;
                                /** @default null */
                                top_p: number | null;
                                /** @default null */
                                top_k: number | null;
                                /** @default null */
                                presence_penalty: number | null;
                                /** @default null */
                                frequency_penalty: number | null;
                                /** @default null */
                                repetition_penalty: number | null;
                                /** @default  */
                                system_prompt: string;
                                /**
                                 * @description stored for web search (used once search is configured)
                                 * @default false
                                 */
                                web_search: boolean;
                            };
                            /** @description the last message of the branch every device shows; null when empty */
                            current_leaf_id: string | null;
                            created_at: number;
                            /** @description ms; changes with every change a user can see (the next ?since= cursor) */
                            updated_at: number;
                            /** @description ms; set on a deleted conversation (only listed with ?since=) */
                            deleted_at: number | null;
                            /** @description the whole tree, oldest first; the client shows the path root → current_leaf_id */
                            messages: {
                                id: string;
                                /** @description null for a root; siblings are alternative branches (regenerate, edit) */
                                parent_id: string | null;
                                /** @enum {string} */
                                role: "user" | "assistant";
                                content: string;
                                reasoning: string | null;
                                attachments: {
                                    /** @constant */
                                    type: "image";
                                    url: string;
                                }[];
                                /** @enum {string} */
                                status: "done" | "generating" | "stopped" | "interrupted" | "error";
                                model: string | null;
                                /** @description display name of the provider that answered */
                                provider: string | null;
                                prompt_tokens: number | null;
                                completion_tokens: number | null;
                                /** @description micro-points charged (1 point = 1,000,000); 0 when a plan paid */
                                cost: number | null;
                                /** @description the plan item that paid for the answer, if one did */
                                plan_item: string | null;
                                latency_ms: number | null;
                                ttft_ms: number | null;
                                finish_reason: string | null;
                                /** @description what went wrong, in English, upstream addresses hidden */
                                error: string | null;
                                /** @description why it failed, for clients to word in their language: a billing or routing refusal's code (insufficient_balance, model_not_found, …), upstream_stream_failed, interrupted */
                                error_code: string | null;
                                created_at: number;
                                updated_at: number;
                            }[];
                        };
                    };
                };
                /** @description Not modified: the ETag sent in If-None-Match is still current (no body) */
                304: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a conversation and its messages; other devices see the deletion through ?since=. Its shares stay readable. */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Rename, pin, change settings (merged) or switch the branch shown. */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description the user's own title: no longer replaced automatically */
                        title?: string;
                        pinned?: boolean;
                        /** @description only the fields given change */
                        settings?: {
                            model?: string;
                            context_length?: number;
                            max_tokens?: number | null;
                            temperature?: number | null;
                            top_p?: number | null;
                            top_k?: number | null;
                            presence_penalty?: number | null;
                            frequency_penalty?: number | null;
                            repetition_penalty?: number | null;
                            system_prompt?: string;
                            web_search?: boolean;
                        };
                        /** @description a message of this conversation: the branch through it, to its newest end, is shown */
                        current_leaf_id?: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description "" until the first message names it */
                            title: string;
                            /**
                             * @description auto: first words of the first message; model: written by the title model; user: set by the user
                             * @enum {string}
                             */
                            title_source: "auto" | "model" | "user";
                            pinned: boolean;
                            settings: {
                                /**
                                 * @description "" = the market's default model
                                 * @default
                                 */
                                model: string;
                                /**
                                 * @description earlier messages sent with each new one
                                 * @default 8
                                 */
                                context_length: number;
                                /** @default null */
                                max_tokens: number | null;
                                /** @default null */
                                temperature: number | null;
                                /** @default null */
                                top_p: number | null;
                                /** @default null */
                                top_k: number | null;
                                /** @default null */
                                presence_penalty: number | null;
                                /** @default null */
                                frequency_penalty: number | null;
                                /** @default null */
                                repetition_penalty: number | null;
                                /** @default  */
                                system_prompt: string;
                                /**
                                 * @description stored for web search (used once search is configured)
                                 * @default false
                                 */
                                web_search: boolean;
                            };
                            /** @description the last message of the branch every device shows; null when empty */
                            current_leaf_id: string | null;
                            created_at: number;
                            /** @description ms; changes with every change a user can see (the next ?since= cursor) */
                            updated_at: number;
                            /** @description ms; set on a deleted conversation (only listed with ?since=) */
                            deleted_at: number | null;
                        };
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        trace?: never;
    };
    "/api/chat/conversations/{id}/messages/{messageId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a message and everything under it (409 message_generating while one of them is generating). If the branch shown was deleted, the newest branch left under its parent is shown. */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    messageId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description "" until the first message names it */
                            title: string;
                            /**
                             * @description auto: first words of the first message; model: written by the title model; user: set by the user
                             * @enum {string}
                             */
                            title_source: "auto" | "model" | "user";
                            pinned: boolean;
                            settings: {
                                /**
                                 * @description "" = the market's default model
                                 * @default
                                 */
                                model: string;
                                /**
                                 * @description earlier messages sent with each new one
                                 * @default 8
                                 */
                                context_length: number;
                                /** @default null */
                                max_tokens: number | null;
                                /** @default null */
                                temperature: number | null;
                                /** @default null */
                                top_p: number | null;
                                /** @default null */
                                top_k: number | null;
                                /** @default null */
                                presence_penalty: number | null;
                                /** @default null */
                                frequency_penalty: number | null;
                                /** @default null */
                                repetition_penalty: number | null;
                                /** @default  */
                                system_prompt: string;
                                /**
                                 * @description stored for web search (used once search is configured)
                                 * @default false
                                 */
                                web_search: boolean;
                            };
                            /** @description the last message of the branch every device shows; null when empty */
                            current_leaf_id: string | null;
                            created_at: number;
                            /** @description ms; changes with every change a user can see (the next ?since= cursor) */
                            updated_at: number;
                            /** @description ms; set on a deleted conversation (only listed with ?since=) */
                            deleted_at: number | null;
                        };
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/chat/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search the caller's conversation titles and messages, newest first. */
        get: {
            parameters: {
                query: {
                    q: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                conversation_id: string;
                                title: string;
                                /** @description the message that matched; null when the title did */
                                message_id: string | null;
                                /** @description the matching text on one line, cut around the match */
                                snippet: string;
                            }[];
                        };
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/chat/conversations/{id}/shares": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Share the path from the root to a message (default: the message shown last) as a snapshot under a random link id. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        message_id?: string;
                    };
                };
            };
            responses: {
                /** @description OK */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description the link id: /api/shares/{id} */
                            id: string;
                            title: string;
                            /** @description the conversation it was taken from (it may have been deleted since) */
                            conversation_id: string;
                            /** @description the last message shared, when one was named */
                            message_id: string | null;
                            created_at: number;
                        };
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/chat/shares": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's shares, newest first, in pages. */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @description the link id: /api/shares/{id} */
                                id: string;
                                title: string;
                                /** @description the conversation it was taken from (it may have been deleted since) */
                                conversation_id: string;
                                /** @description the last message shared, when one was named */
                                message_id: string | null;
                                created_at: number;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/chat/shares/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete one of the caller's shares: its link stops working. */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/shares/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a share, signed in or not. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            title: string;
                            /** @description the shared path, root first */
                            messages: {
                                /** @enum {string} */
                                role: "user" | "assistant";
                                content: string;
                                reasoning: string | null;
                                attachments: {
                                    /** @constant */
                                    type: "image";
                                    url: string;
                                }[];
                                model: string | null;
                                created_at: number;
                                /** @description what was left out of this message, if anything (inline images over 1 MB) */
                                note: string | null;
                            }[];
                            created_at: number;
                        };
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/shares/{id}/fork": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Continue a share: a new conversation of the caller's holding its messages as one branch. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description "" until the first message names it */
                            title: string;
                            /**
                             * @description auto: first words of the first message; model: written by the title model; user: set by the user
                             * @enum {string}
                             */
                            title_source: "auto" | "model" | "user";
                            pinned: boolean;
                            settings: {
                                /**
                                 * @description "" = the market's default model
                                 * @default
                                 */
                                model: string;
                                /**
                                 * @description earlier messages sent with each new one
                                 * @default 8
                                 */
                                context_length: number;
                                /** @default null */
                                max_tokens: number | null;
                                /** @default null */
                                temperature: number | null;
                                /** @default null */
                                top_p: number | null;
                                /** @default null */
                                top_k: number | null;
                                /** @default null */
                                presence_penalty: number | null;
                                /** @default null */
                                frequency_penalty: number | null;
                                /** @default null */
                                repetition_penalty: number | null;
                                /** @default  */
                                system_prompt: string;
                                /**
                                 * @description stored for web search (used once search is configured)
                                 * @default false
                                 */
                                web_search: boolean;
                            };
                            /** @description the last message of the branch every device shows; null when empty */
                            current_leaf_id: string | null;
                            created_at: number;
                            /** @description ms; changes with every change a user can see (the next ?since= cursor) */
                            updated_at: number;
                            /** @description ms; set on a deleted conversation (only listed with ?since=) */
                            deleted_at: number | null;
                            /** @description the whole tree, oldest first; the client shows the path root → current_leaf_id */
                            messages: {
                                id: string;
                                /** @description null for a root; siblings are alternative branches (regenerate, edit) */
                                parent_id: string | null;
                                /** @enum {string} */
                                role: "user" | "assistant";
                                content: string;
                                reasoning: string | null;
                                attachments: {
                                    /** @constant */
                                    type: "image";
                                    url: string;
                                }[];
                                /** @enum {string} */
                                status: "done" | "generating" | "stopped" | "interrupted" | "error";
                                model: string | null;
                                /** @description display name of the provider that answered */
                                provider: string | null;
                                prompt_tokens: number | null;
                                completion_tokens: number | null;
                                /** @description micro-points charged (1 point = 1,000,000); 0 when a plan paid */
                                cost: number | null;
                                /** @description the plan item that paid for the answer, if one did */
                                plan_item: string | null;
                                latency_ms: number | null;
                                ttft_ms: number | null;
                                finish_reason: string | null;
                                /** @description what went wrong, in English, upstream addresses hidden */
                                error: string | null;
                                /** @description why it failed, for clients to word in their language: a billing or routing refusal's code (insufficient_balance, model_not_found, …), upstream_stream_failed, interrupted */
                                error_code: string | null;
                                created_at: number;
                                updated_at: number;
                            }[];
                        };
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/response-cache": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Drops every stored answer (on every node when Redis is configured). Settings live in /api/admin/settings/response_cache. */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/usage/logs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your request log, newest first: filter by time, model, key, status or request id; page by `page` or `cursor`. */
        get: {
            parameters: {
                query?: {
                    from?: number;
                    to?: number;
                    model?: string;
                    key_id?: number;
                    status?: "success" | "error" | "aborted";
                    request_id?: string;
                    page?: number;
                    page_size?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: number;
                                request_id: string;
                                created_at: number;
                                endpoint: string;
                                model: string;
                                key_id: number | null;
                                key_name: string | null;
                                prompt_tokens: number;
                                completion_tokens: number;
                                cached_tokens: number;
                                cache_write_tokens: number;
                                reasoning_tokens: number;
                                /** @description micro-points */
                                cost: number;
                                usage_source: string;
                                is_stream: boolean;
                                status: string;
                                http_status: number;
                                error: string | null;
                                latency_ms: number;
                                ttft_ms: number | null;
                                ip: string | null;
                            }[];
                            total: number;
                            page: number | null;
                            page_size: number;
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/usage/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your usage totals, per day (in your time zone, zero-filled) and per model, for charts. */
        get: {
            parameters: {
                query?: {
                    from?: number;
                    to?: number;
                    model?: string;
                    key_id?: number;
                    status?: "success" | "error" | "aborted";
                    request_id?: string;
                    tz_offset_min?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            from: number;
                            to: number;
                            tz_offset_min: number;
                            totals: {
                                requests: number;
                                errors: number;
                                prompt_tokens: number;
                                completion_tokens: number;
                                cached_tokens: number;
                                cache_write_tokens: number;
                                reasoning_tokens: number;
                                total_tokens: number;
                                /** @description micro-points */
                                cost: number;
                            };
                            days: {
                                requests: number;
                                errors: number;
                                prompt_tokens: number;
                                completion_tokens: number;
                                cached_tokens: number;
                                cache_write_tokens: number;
                                reasoning_tokens: number;
                                total_tokens: number;
                                /** @description micro-points */
                                cost: number;
                                date: string;
                                start: number;
                            }[];
                            models: {
                                requests: number;
                                errors: number;
                                prompt_tokens: number;
                                completion_tokens: number;
                                cached_tokens: number;
                                cache_write_tokens: number;
                                reasoning_tokens: number;
                                total_tokens: number;
                                /** @description micro-points */
                                cost: number;
                                model: string;
                            }[];
                            groups?: {
                                requests: number;
                                errors: number;
                                prompt_tokens: number;
                                completion_tokens: number;
                                cached_tokens: number;
                                cache_write_tokens: number;
                                reasoning_tokens: number;
                                total_tokens: number;
                                /** @description micro-points */
                                cost: number;
                                id: number | null;
                                name: string | null;
                            }[];
                        };
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/usage/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your request log as a CSV file (same filters as the log, every matching row, streamed). */
        get: {
            parameters: {
                query?: {
                    from?: number;
                    to?: number;
                    model?: string;
                    key_id?: number;
                    status?: "success" | "error" | "aborted";
                    request_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/usage/logs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every user's request log, with owner, channel, upstream model, retries and address. */
        get: {
            parameters: {
                query?: {
                    from?: number;
                    to?: number;
                    model?: string;
                    key_id?: number;
                    status?: "success" | "error" | "aborted";
                    request_id?: string;
                    user_id?: number;
                    channel_id?: number;
                    page?: number;
                    page_size?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: number;
                                request_id: string;
                                created_at: number;
                                endpoint: string;
                                model: string;
                                key_id: number | null;
                                key_name: string | null;
                                prompt_tokens: number;
                                completion_tokens: number;
                                cached_tokens: number;
                                cache_write_tokens: number;
                                reasoning_tokens: number;
                                /** @description micro-points */
                                cost: number;
                                usage_source: string;
                                is_stream: boolean;
                                status: string;
                                http_status: number;
                                error: string | null;
                                latency_ms: number;
                                ttft_ms: number | null;
                                ip: string | null;
                                user_id: number;
                                username: string | null;
                                channel_id: number | null;
                                channel_name: string | null;
                                upstream_model: string | null;
                                attempts: number;
                            }[];
                            total: number;
                            page: number | null;
                            page_size: number;
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/usage/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Usage totals over every user (or one user or channel), per day and per model; `group_by` adds the top users or channels. */
        get: {
            parameters: {
                query?: {
                    from?: number;
                    to?: number;
                    model?: string;
                    key_id?: number;
                    status?: "success" | "error" | "aborted";
                    request_id?: string;
                    user_id?: number;
                    channel_id?: number;
                    tz_offset_min?: number;
                    group_by?: "user" | "channel";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            from: number;
                            to: number;
                            tz_offset_min: number;
                            totals: {
                                requests: number;
                                errors: number;
                                prompt_tokens: number;
                                completion_tokens: number;
                                cached_tokens: number;
                                cache_write_tokens: number;
                                reasoning_tokens: number;
                                total_tokens: number;
                                /** @description micro-points */
                                cost: number;
                            };
                            days: {
                                requests: number;
                                errors: number;
                                prompt_tokens: number;
                                completion_tokens: number;
                                cached_tokens: number;
                                cache_write_tokens: number;
                                reasoning_tokens: number;
                                total_tokens: number;
                                /** @description micro-points */
                                cost: number;
                                date: string;
                                start: number;
                            }[];
                            models: {
                                requests: number;
                                errors: number;
                                prompt_tokens: number;
                                completion_tokens: number;
                                cached_tokens: number;
                                cache_write_tokens: number;
                                reasoning_tokens: number;
                                total_tokens: number;
                                /** @description micro-points */
                                cost: number;
                                model: string;
                            }[];
                            groups?: {
                                requests: number;
                                errors: number;
                                prompt_tokens: number;
                                completion_tokens: number;
                                cached_tokens: number;
                                cache_write_tokens: number;
                                reasoning_tokens: number;
                                total_tokens: number;
                                /** @description micro-points */
                                cost: number;
                                id: number | null;
                                name: string | null;
                            }[];
                        };
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/usage/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every user's request log as a CSV file (same filters as the admin log, streamed). */
        get: {
            parameters: {
                query?: {
                    from?: number;
                    to?: number;
                    model?: string;
                    key_id?: number;
                    status?: "success" | "error" | "aborted";
                    request_id?: string;
                    user_id?: number;
                    channel_id?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/chat/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's conversation changes as they happen, as Server-Sent Events, until the session ends; after a change, fetch the conversations with ?since=. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": string;
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/chat/anonymous": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Chat signed out with a model open to signed-out users (not saved; limited per client address). Answers text/event-stream. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        model: string;
                        /** @description the conversation so far, oldest first, ending with the new user message; nothing is stored */
                        messages: {
                            /** @enum {string} */
                            role: "user" | "assistant";
                            content: string;
                        }[];
                        settings?: {
                            /** @default null */
                            temperature?: number | null;
                            /** @default null */
                            top_p?: number | null;
                            /** @default null */
                            max_tokens?: number | null;
                            /** @default  */
                            system_prompt?: string;
                        };
                    };
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": string;
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/chat/conversations/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a message: stores it and starts generating the answer (a job that runs on without this request). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        content: string;
                        /** @default [] */
                        attachments?: {
                            /** @constant */
                            type: "image";
                            url: string;
                        }[];
                        /** @description the answer this message follows; default the conversation's current leaf, null = a new root */
                        parent_id?: string | null;
                    };
                };
            };
            responses: {
                /** @description OK */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description the new user message (send and edit) */
                            user_message?: {
                                id: string;
                                /** @description null for a root; siblings are alternative branches (regenerate, edit) */
                                parent_id: string | null;
                                /** @enum {string} */
                                role: "user" | "assistant";
                                content: string;
                                reasoning: string | null;
                                attachments: {
                                    /** @constant */
                                    type: "image";
                                    url: string;
                                }[];
                                /** @enum {string} */
                                status: "done" | "generating" | "stopped" | "interrupted" | "error";
                                model: string | null;
                                /** @description display name of the provider that answered */
                                provider: string | null;
                                prompt_tokens: number | null;
                                completion_tokens: number | null;
                                /** @description micro-points charged (1 point = 1,000,000); 0 when a plan paid */
                                cost: number | null;
                                /** @description the plan item that paid for the answer, if one did */
                                plan_item: string | null;
                                latency_ms: number | null;
                                ttft_ms: number | null;
                                finish_reason: string | null;
                                /** @description what went wrong, in English, upstream addresses hidden */
                                error: string | null;
                                /** @description why it failed, for clients to word in their language: a billing or routing refusal's code (insufficient_balance, model_not_found, …), upstream_stream_failed, interrupted */
                                error_code: string | null;
                                created_at: number;
                                updated_at: number;
                            };
                            /** @description the answer being generated: attach to GET /api/chat/messages/{id}/events */
                            assistant_message: {
                                id: string;
                                /** @description null for a root; siblings are alternative branches (regenerate, edit) */
                                parent_id: string | null;
                                /** @enum {string} */
                                role: "user" | "assistant";
                                content: string;
                                reasoning: string | null;
                                attachments: {
                                    /** @constant */
                                    type: "image";
                                    url: string;
                                }[];
                                /** @enum {string} */
                                status: "done" | "generating" | "stopped" | "interrupted" | "error";
                                model: string | null;
                                /** @description display name of the provider that answered */
                                provider: string | null;
                                prompt_tokens: number | null;
                                completion_tokens: number | null;
                                /** @description micro-points charged (1 point = 1,000,000); 0 when a plan paid */
                                cost: number | null;
                                /** @description the plan item that paid for the answer, if one did */
                                plan_item: string | null;
                                latency_ms: number | null;
                                ttft_ms: number | null;
                                finish_reason: string | null;
                                /** @description what went wrong, in English, upstream addresses hidden */
                                error: string | null;
                                /** @description why it failed, for clients to word in their language: a billing or routing refusal's code (insufficient_balance, model_not_found, …), upstream_stream_failed, interrupted */
                                error_code: string | null;
                                created_at: number;
                                updated_at: number;
                            };
                        };
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/chat/conversations/{id}/messages/{messageId}/regenerate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Answer again: a new answer beside the given one (or to the given question), the old one kept as a branch. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    messageId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description the new user message (send and edit) */
                            user_message?: {
                                id: string;
                                /** @description null for a root; siblings are alternative branches (regenerate, edit) */
                                parent_id: string | null;
                                /** @enum {string} */
                                role: "user" | "assistant";
                                content: string;
                                reasoning: string | null;
                                attachments: {
                                    /** @constant */
                                    type: "image";
                                    url: string;
                                }[];
                                /** @enum {string} */
                                status: "done" | "generating" | "stopped" | "interrupted" | "error";
                                model: string | null;
                                /** @description display name of the provider that answered */
                                provider: string | null;
                                prompt_tokens: number | null;
                                completion_tokens: number | null;
                                /** @description micro-points charged (1 point = 1,000,000); 0 when a plan paid */
                                cost: number | null;
                                /** @description the plan item that paid for the answer, if one did */
                                plan_item: string | null;
                                latency_ms: number | null;
                                ttft_ms: number | null;
                                finish_reason: string | null;
                                /** @description what went wrong, in English, upstream addresses hidden */
                                error: string | null;
                                /** @description why it failed, for clients to word in their language: a billing or routing refusal's code (insufficient_balance, model_not_found, …), upstream_stream_failed, interrupted */
                                error_code: string | null;
                                created_at: number;
                                updated_at: number;
                            };
                            /** @description the answer being generated: attach to GET /api/chat/messages/{id}/events */
                            assistant_message: {
                                id: string;
                                /** @description null for a root; siblings are alternative branches (regenerate, edit) */
                                parent_id: string | null;
                                /** @enum {string} */
                                role: "user" | "assistant";
                                content: string;
                                reasoning: string | null;
                                attachments: {
                                    /** @constant */
                                    type: "image";
                                    url: string;
                                }[];
                                /** @enum {string} */
                                status: "done" | "generating" | "stopped" | "interrupted" | "error";
                                model: string | null;
                                /** @description display name of the provider that answered */
                                provider: string | null;
                                prompt_tokens: number | null;
                                completion_tokens: number | null;
                                /** @description micro-points charged (1 point = 1,000,000); 0 when a plan paid */
                                cost: number | null;
                                /** @description the plan item that paid for the answer, if one did */
                                plan_item: string | null;
                                latency_ms: number | null;
                                ttft_ms: number | null;
                                finish_reason: string | null;
                                /** @description what went wrong, in English, upstream addresses hidden */
                                error: string | null;
                                /** @description why it failed, for clients to word in their language: a billing or routing refusal's code (insufficient_balance, model_not_found, …), upstream_stream_failed, interrupted */
                                error_code: string | null;
                                created_at: number;
                                updated_at: number;
                            };
                        };
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/chat/conversations/{id}/messages/{messageId}/edit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Edit a question: the edited question becomes a new branch beside the old one, and is answered. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    messageId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        content: string;
                        /** @default [] */
                        attachments?: {
                            /** @constant */
                            type: "image";
                            url: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description OK */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description the new user message (send and edit) */
                            user_message?: {
                                id: string;
                                /** @description null for a root; siblings are alternative branches (regenerate, edit) */
                                parent_id: string | null;
                                /** @enum {string} */
                                role: "user" | "assistant";
                                content: string;
                                reasoning: string | null;
                                attachments: {
                                    /** @constant */
                                    type: "image";
                                    url: string;
                                }[];
                                /** @enum {string} */
                                status: "done" | "generating" | "stopped" | "interrupted" | "error";
                                model: string | null;
                                /** @description display name of the provider that answered */
                                provider: string | null;
                                prompt_tokens: number | null;
                                completion_tokens: number | null;
                                /** @description micro-points charged (1 point = 1,000,000); 0 when a plan paid */
                                cost: number | null;
                                /** @description the plan item that paid for the answer, if one did */
                                plan_item: string | null;
                                latency_ms: number | null;
                                ttft_ms: number | null;
                                finish_reason: string | null;
                                /** @description what went wrong, in English, upstream addresses hidden */
                                error: string | null;
                                /** @description why it failed, for clients to word in their language: a billing or routing refusal's code (insufficient_balance, model_not_found, …), upstream_stream_failed, interrupted */
                                error_code: string | null;
                                created_at: number;
                                updated_at: number;
                            };
                            /** @description the answer being generated: attach to GET /api/chat/messages/{id}/events */
                            assistant_message: {
                                id: string;
                                /** @description null for a root; siblings are alternative branches (regenerate, edit) */
                                parent_id: string | null;
                                /** @enum {string} */
                                role: "user" | "assistant";
                                content: string;
                                reasoning: string | null;
                                attachments: {
                                    /** @constant */
                                    type: "image";
                                    url: string;
                                }[];
                                /** @enum {string} */
                                status: "done" | "generating" | "stopped" | "interrupted" | "error";
                                model: string | null;
                                /** @description display name of the provider that answered */
                                provider: string | null;
                                prompt_tokens: number | null;
                                completion_tokens: number | null;
                                /** @description micro-points charged (1 point = 1,000,000); 0 when a plan paid */
                                cost: number | null;
                                /** @description the plan item that paid for the answer, if one did */
                                plan_item: string | null;
                                latency_ms: number | null;
                                ttft_ms: number | null;
                                finish_reason: string | null;
                                /** @description what went wrong, in English, upstream addresses hidden */
                                error: string | null;
                                /** @description why it failed, for clients to word in their language: a billing or routing refusal's code (insufficient_balance, model_not_found, …), upstream_stream_failed, interrupted */
                                error_code: string | null;
                                created_at: number;
                                updated_at: number;
                            };
                        };
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/chat/messages/{id}/stop": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Stop an answer being generated, on whichever node runs it: what was delivered is saved (status stopped) and settled. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description the answer is not being generated any more */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/chat/messages/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An answer's events, from any node, resumable: send the last id seen as Last-Event-ID (or ?after=) to get exactly what was missed, then the live rest. */
        get: {
            parameters: {
                query?: {
                    after?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": string;
                    };
                };
                /** @description Error: {"error":{"code","message"}} */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
