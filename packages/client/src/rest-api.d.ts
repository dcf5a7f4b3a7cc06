// Generated from docs/openapi.json by packages/codegen/src/rest-client-types.ts (npm run contract:accept). Do not edit.
export interface paths {
    "/action-points": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Action points you can see (filters: owned, sharedWithMe, assignedToMe, q) */
        get: operations["actionPoints-list"];
        put?: never;
        /** Create an action point, optionally last in a column of a board */
        post: operations["actionPoints-create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/action-points/{actionPointId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An action point with the boards you can see it on */
        get: operations["actionPoints-get"];
        put?: never;
        post?: never;
        /** Delete an action point from every board */
        delete: operations["actionPoints-delete"];
        options?: never;
        head?: never;
        /** Change an action point (expectedVersion: stale → CONFLICT) */
        patch: operations["actionPoints-update"];
        trace?: never;
    };
    "/action-points/{actionPointId}/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Files on an action point, oldest first (VIEW) */
        get: operations["attachments-list"];
        put?: never;
        /** Attach your checked upload to an action point (EDIT) */
        post: operations["attachments-create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/action-points/{actionPointId}/comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Comments on an action point, oldest first */
        get: operations["comments-list"];
        put?: never;
        /** Comment on an action point (COMMENT level); mentioned users are notified */
        post: operations["comments-create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/action-points/{actionPointId}/links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Links from and to an action point (only those whose other end you can see) */
        get: operations["links-list"];
        put?: never;
        /** Link an action point (EDIT) to another one you can see */
        post: operations["links-create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/action-points/{actionPointId}/shares": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Users an action point is shared with directly */
        get: operations["actionPointShares-list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/action-points/{actionPointId}/shares/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Share one action point with a user, or change their level (ADMIN on it) */
        put: operations["actionPointShares-share"];
        post?: never;
        /** Stop sharing an action point with a user (ADMIN on it) */
        delete: operations["actionPointShares-unshare"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/action-points/{actionPointId}/similar": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Action points you can see that are nearest to this one (duplicates and related work), nearest first */
        get: operations["embeddings-similarActionPoints"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/action-points/{actionPointId}/tags/{tagId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Tag an action point (EDIT on it; it must be on the tag's board) */
        put: operations["tags-attach"];
        post?: never;
        /** Remove a tag from an action point (EDIT on it) */
        delete: operations["tags-detach"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ai-vision/analyze": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Caption, tags and text lines (with polygons) of an image document or attachment you can see; without Azure AI Vision, local OCR reads the lines only */
        post: operations["aiVision-analyze"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ai/chat": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reply to a conversation; with documentIds, grounded in those documents with a citation for every claim */
        post: operations["ai-chat"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ai/summarize": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Summarize a document you can see (citing its sections) or a text */
        post: operations["ai-summarize"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/attachments/{attachmentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a file from an action point (EDIT) */
        delete: operations["attachments-delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/attachments/{attachmentId}/download-url": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A short-lived, read-only URL that downloads the file as an attachment (VIEW) */
        get: operations["attachments-downloadUrl"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/blob-storage/uploads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask for an upload: a write-only, time-limited SAS URL for one blob (refused first when too large or of a type not accepted) */
        post: operations["blobStorage-createUpload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/blob-storage/uploads/{uploadId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The status of one of your uploads */
        get: operations["blobStorage-getUpload"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/boards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Boards you can see, newest first */
        get: operations["boards-list"];
        put?: never;
        /** Create a board (default columns: To do, In progress, Done) */
        post: operations["boards-create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/boards/{boardId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A board, its columns in order and your level */
        get: operations["boards-get"];
        put?: never;
        post?: never;
        /** Delete a board (its owner only); its action points stay */
        delete: operations["boards-delete"];
        options?: never;
        head?: never;
        /** Rename or describe a board (expectedVersion: stale → CONFLICT) */
        patch: operations["boards-update"];
        trace?: never;
    };
    "/boards/{boardId}/action-points": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Put an action point on a board, in a column */
        post: operations["actionPoints-addToBoard"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/boards/{boardId}/action-points/{actionPointId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Take an action point off a board (it stays on the others) */
        delete: operations["actionPoints-removeFromBoard"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/boards/{boardId}/action-points/{actionPointId}/move": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move an action point within or across the columns of one board */
        post: operations["actionPoints-move"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/boards/{boardId}/activity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who changed what on a board, newest first */
        get: operations["boards-activity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/boards/{boardId}/columns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a column (last, or beforeId / afterId another column) */
        post: operations["columns-create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/boards/{boardId}/permissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who has been granted access to a board */
        get: operations["boardPermissions-list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/boards/{boardId}/permissions/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Grant or change a user's level on a board (ADMIN; never above your own level) */
        put: operations["boardPermissions-grant"];
        post?: never;
        /** Revoke a user's grant on a board (ADMIN) */
        delete: operations["boardPermissions-revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/boards/{boardId}/tags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A board's tags by name (optionally only those on one action point) */
        get: operations["tags-list"];
        put?: never;
        /** Create a tag on a board (EDIT) */
        post: operations["tags-create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/boards/{boardId}/view": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The whole board: columns with their first action points */
        get: operations["boards-view"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/boards/{boardId}/workflow": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The board's statuses and transitions (VIEW; a default set from its columns when first asked) */
        get: operations["workflows-get"];
        /** Replace the whole status and transition set (ADMIN); with transitions, moves they do not allow are FORBIDDEN */
        put: operations["workflows-update"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/boards/{boardId}/workflow/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The board's rules (VIEW) */
        get: operations["workflows-listRules"];
        put?: never;
        /** Create a rule (ADMIN); it acts as you. A WEBHOOK rule returns its signing secret this once */
        post: operations["workflows-createRule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/boards/{boardId}/workflow/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The board's rule runs, newest first: trigger, actions, outcomes, status (VIEW) */
        get: operations["workflows-runs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/bot/interactions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your bot interactions, newest first */
        get: operations["bot-interactions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/bot/interactions/{interactionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of your bot interactions, with its source text */
        get: operations["bot-getInteraction"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/bot/suggestions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Suggested action points from notes or a document, each pointing at the words it came from */
        post: operations["bot-suggest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/bot/suggestions/{suggestionId}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create the action point of a suggestion on a board; accepting again answers the same action point */
        post: operations["bot-accept"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/bot/suggestions/{suggestionId}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject a suggestion, with an optional reason */
        post: operations["bot-reject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/columns/{columnId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a column (with action points: only with moveToColumnId) */
        delete: operations["columns-delete"];
        options?: never;
        head?: never;
        /** Rename a column */
        patch: operations["columns-update"];
        trace?: never;
    };
    "/columns/{columnId}/action-points": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Action points of a column in rank order */
        get: operations["columns-items"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/columns/{columnId}/move": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reorder a column (beforeId or afterId another column; neither: last) */
        post: operations["columns-move"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/comments/{commentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a comment (its author or an ADMIN) */
        delete: operations["comments-delete"];
        options?: never;
        head?: never;
        /** Edit your comment */
        patch: operations["comments-update"];
        trace?: never;
    };
    "/document-intelligence/analyze": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The layout of a document you can VIEW (pages, lines, paragraphs with roles, tables), by Document Intelligence when configured, else the local extractors */
        post: operations["documentIntelligence-analyze"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Documents you can see, newest first (filters: q on title, status, ownedOnly) */
        get: operations["documents-list"];
        put?: never;
        /** Create a document from your checked upload, or from inline text; it is then QUEUED for processing */
        post: operations["documents-create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/documents/{documentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A document with your level on it (VIEW; audited) */
        get: operations["documents-get"];
        put?: never;
        post?: never;
        /** Delete a document with its blob, chunks and vectors (ADMIN; its audit rows stay) */
        delete: operations["documents-delete"];
        options?: never;
        head?: never;
        /** Rename a document (EDIT; expectedVersion: stale → CONFLICT) */
        patch: operations["documents-update"];
        trace?: never;
    };
    "/documents/{documentId}/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What was done to a document, by whom, newest first (document ADMIN) */
        get: operations["audit-list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/documents/{documentId}/chunks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The document’s chunks in order, with their citation fields (VIEW) */
        get: operations["documents-chunks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/documents/{documentId}/download-url": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A short-lived, read-only URL that downloads the file as an attachment (VIEW; audited) */
        get: operations["documents-downloadUrl"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/documents/{documentId}/permissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who a document is shared with (VIEW) */
        get: operations["documentShares-list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/documents/{documentId}/permissions/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Share a document with a user, or change their level (ADMIN; never above your own level; audited) */
        put: operations["documentShares-grant"];
        post?: never;
        /** Stop sharing a document with a user (ADMIN; audited) */
        delete: operations["documentShares-revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/documents/{documentId}/reprocess": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Extract, chunk and embed the document again (EDIT): QUEUED, version bumped */
        post: operations["documents-reprocess"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/embeddings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Embed up to 64 texts with the configured embedding model */
        post: operations["embeddings-create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/embeddings/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The active embedding model, and the chunks of your documents by embedding state */
        get: operations["embeddings-status"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/links/{linkId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a link (EDIT on its source) */
        delete: operations["links-delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your notifications, newest first */
        get: operations["notifications-list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notifications/{notificationId}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark one of your notifications read */
        post: operations["notifications-markRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notifications/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark all your notifications read */
        post: operations["notifications-markAllRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notifications/unread-count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many of your notifications are unread */
        get: operations["notifications-unreadCount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organizations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Organizations you belong to */
        get: operations["organizations-list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organizations/{organizationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An organization you belong to */
        get: operations["organizations-get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organizations/{organizationId}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An organization's members and their roles */
        get: operations["organizations-members"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tags/{tagId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a tag (EDIT on its board) */
        delete: operations["tags-delete"];
        options?: never;
        head?: never;
        /** Rename or recolor a tag (EDIT on its board) */
        patch: operations["tags-update"];
        trace?: never;
    };
    "/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Find people who share an organization or a board with you, by name or email */
        get: operations["users-search"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user */
        get: operations["users-me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update your profile */
        patch: operations["users-updateMe"];
        trace?: never;
    };
    "/vector-documents/ask": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Answer a question from the documents you can see, with a citation for every claim */
        post: operations["vectorDocuments-ask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/vector-documents/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Search the chunks of the documents you can see (hybrid, semantic or keyword) */
        post: operations["vectorDocuments-search"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/workflow-rules/{ruleId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a rule (ADMIN on its board) */
        delete: operations["workflows-deleteRule"];
        options?: never;
        head?: never;
        /** Change, enable or disable a rule (ADMIN on its board); it acts as you from then on */
        patch: operations["workflows-updateRule"];
        trace?: never;
    };
    "/workflow-rules/{ruleId}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A rule's outgoing webhook attempts, newest first: status code, attempt, next retry (VIEW) */
        get: operations["workflows-deliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/workflow-rules/{ruleId}/dry-run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** What the rule would do to one action point, taking no action (VIEW) */
        post: operations["workflows-dryRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        ActionPoint: {
            assignee: components["schemas"]["User"] | null;
            assigneeId: string | null;
            completedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            description: string | null;
            dueDate: string | null;
            id: string;
            ownerId: string;
            title: string;
            /** Format: date-time */
            updatedAt: string;
            version: number;
        };
        ActionPointDetail: {
            assignee: components["schemas"]["User"] | null;
            assigneeId: string | null;
            boards: {
                boardId: string;
                boardName: string;
                columnId: string;
                columnName: string;
                level: components["schemas"]["PermissionLevel"];
                rank: string;
            }[];
            completedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            description: string | null;
            dueDate: string | null;
            id: string;
            level: components["schemas"]["PermissionLevel"];
            ownerId: string;
            tags: {
                boardId: string;
                color: string;
                id: string;
                name: string;
            }[];
            title: string;
            /** Format: date-time */
            updatedAt: string;
            version: number;
        };
        ActionPointPosition: {
            actionPointId: string;
            boardId: string;
            columnId: string;
            id: string;
            rank: string;
            rebalanced: boolean;
        };
        ActionPointShare: {
            actionPointId: string;
            /** Format: date-time */
            createdAt: string;
            id: string;
            level: components["schemas"]["PermissionLevel"];
            sharedById: string | null;
            /** Format: date-time */
            updatedAt: string;
            user: components["schemas"]["User"];
            userId: string;
        };
        Activity: {
            actedBy: {
                id: string | null;
                /** @enum {string} */
                type: "USER" | "RULE" | "BOT";
            };
            action: string;
            actionPointId: string | null;
            actor: components["schemas"]["User"] | null;
            actorId: string | null;
            boardId: string | null;
            changes: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            createdAt: string;
            entityId: string;
            entityType: string;
            id: string;
        };
        Answer: {
            answer: string;
            citations: components["schemas"]["Citation"][];
            /** @enum {string} */
            mode: "model" | "extractive";
            model: string;
        };
        Attachment: {
            actionPointId: string;
            contentType: string;
            /** Format: date-time */
            createdAt: string;
            fileName: string;
            id: string;
            sha256: string | null;
            sizeBytes: number;
            uploaderId: string;
        };
        AuditRow: {
            action: string;
            actorId: string | null;
            actorRef: string | null;
            /** @enum {string} */
            actorType: "USER" | "RULE" | "BOT";
            /** Format: date-time */
            at: string;
            details: {
                [key: string]: unknown;
            };
            documentId: string;
            id: string;
            requestId: string | null;
        };
        Board: {
            /** Format: date-time */
            createdAt: string;
            description: string | null;
            id: string;
            isPersonal: boolean;
            level: components["schemas"]["PermissionLevel"];
            name: string;
            organizationId: string | null;
            ownerId: string;
            /** Format: date-time */
            updatedAt: string;
            version: number;
        };
        BoardDetail: {
            columns: components["schemas"]["Column"][];
            /** Format: date-time */
            createdAt: string;
            description: string | null;
            id: string;
            isPersonal: boolean;
            level: components["schemas"]["PermissionLevel"];
            name: string;
            organizationId: string | null;
            ownerId: string;
            /** Format: date-time */
            updatedAt: string;
            version: number;
        };
        BoardItem: {
            assignee: components["schemas"]["User"] | null;
            assigneeId: string | null;
            columnId: string;
            completedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            description: string | null;
            dueDate: string | null;
            id: string;
            ownerId: string;
            rank: string;
            tags: components["schemas"]["BoardItemTag"][];
            title: string;
            /** Format: date-time */
            updatedAt: string;
            version: number;
        };
        BoardItemTag: {
            color: string;
            id: string;
            name: string;
        };
        BoardPermission: {
            boardId: string;
            /** Format: date-time */
            createdAt: string;
            grantedById: string | null;
            id: string;
            level: components["schemas"]["PermissionLevel"];
            /** Format: date-time */
            updatedAt: string;
            user: components["schemas"]["User"];
            userId: string;
        };
        BoardView: {
            board: components["schemas"]["Board"];
            columns: {
                id: string;
                items: components["schemas"]["BoardItem"][];
                name: string;
                nextCursor: string | null;
                rank: string;
            }[];
        };
        BotInteraction: {
            /** Format: date-time */
            createdAt: string;
            embeddingModel: string | null;
            id: string;
            model: string;
            source: {
                boardId: string | null;
                documentId: string | null;
                documentVersion: number | null;
                text?: string | null;
                truncated: boolean;
                /** @enum {string} */
                type: "text" | "document";
            };
            /** @enum {string} */
            status: "OPEN" | "REVIEWED";
            suggestions: components["schemas"]["BotSuggestion"][];
            /** Format: date-time */
            updatedAt: string;
            usage: {
                completionTokens: number;
                embeddingTokens: number;
                promptTokens: number;
                totalTokens: number;
            };
        };
        BotProvenance: {
            chunkId: string | null;
            documentId: string | null;
            end: number;
            pageStart: number | null;
            quote: string;
            start: number;
        };
        BotSuggestion: {
            actionPointId: string | null;
            assigneeId: string | null;
            decidedAt: string | null;
            description: string | null;
            dueDate: string | null;
            duplicateScore: number | null;
            id: string;
            interactionId: string;
            possibleDuplicateOf: string | null;
            provenance: components["schemas"]["BotProvenance"];
            rejectReason: string | null;
            /** @enum {string} */
            status: "PENDING" | "ACCEPTED" | "REJECTED";
            title: string;
        };
        BoundingRegion: {
            pageNumber: number;
            polygon: components["schemas"]["LayoutPoint"][];
        };
        ChatMessage: {
            content: string;
            /** @enum {string} */
            role: "user" | "assistant";
        };
        ChatReply: {
            citations: components["schemas"]["Citation"][];
            message: {
                content: string;
                /** @constant */
                role: "assistant";
            };
            model: string;
        };
        ChunkHit: {
            boxes: components["schemas"]["CitationBox"][];
            chunkId: string;
            documentId: string;
            documentTitle: string;
            end: number;
            headings: string[];
            pageEnd: number | null;
            pageStart: number | null;
            score: number;
            start: number;
            text: string;
        };
        Citation: {
            chunkId: string;
            documentId: string;
            documentTitle: string;
            end: number;
            headings: string[];
            pageEnd: number | null;
            pageStart: number | null;
            quote: string;
            score: number;
            start: number;
        };
        CitationBox: {
            pageNumber: number;
            polygon: {
                x: number;
                y: number;
            }[];
        };
        Column: {
            boardId: string;
            /** Format: date-time */
            createdAt: string;
            id: string;
            name: string;
            rank: string;
            /** Format: date-time */
            updatedAt: string;
        };
        Comment: {
            actionPointId: string;
            author: components["schemas"]["User"];
            authorId: string;
            body: string;
            /** Format: date-time */
            createdAt: string;
            editedAt: string | null;
            id: string;
            mentions: string[];
            /** Format: date-time */
            updatedAt: string;
            version: number;
        };
        CreatedUpload: {
            contentType: string;
            /** Format: date-time */
            expiresAt: string;
            fileName: string;
            headers: {
                [key: string]: string;
            };
            /** @constant */
            method: "PUT";
            sizeBytes: number;
            uploadId: string;
            url: string;
        };
        CreatedWorkflowRule: {
            actions: {
                [key: string]: unknown;
            }[];
            boardId: string;
            conditions: {
                [key: string]: unknown;
            }[];
            /** Format: date-time */
            createdAt: string;
            enabled: boolean;
            hasSecret: boolean;
            id: string;
            name: string;
            ownerId: string;
            secret: string | null;
            trigger: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            updatedAt: string;
            version: number;
        };
        Document: {
            chunkCount: number;
            contentType: string;
            /** Format: date-time */
            createdAt: string;
            duplicateOf: string | null;
            error: string | null;
            fileName: string;
            id: string;
            level: components["schemas"]["PermissionLevel"];
            organizationId: string | null;
            ownerId: string;
            pageCount: number | null;
            progress: number;
            sha256: string;
            sizeBytes: number;
            status: components["schemas"]["DocumentStatus"];
            title: string;
            /** Format: date-time */
            updatedAt: string;
            version: number;
        };
        DocumentChunk: {
            boxes: unknown;
            chunkId: string;
            contentHash: string;
            documentId: string;
            embeddingModel: string | null;
            end: number;
            headings: string[];
            id: string;
            ordinal: number;
            pageEnd: number | null;
            pageStart: number | null;
            start: number;
            text: string;
            tokenCount: number;
        };
        DocumentLayout: {
            content: string;
            documentId: string;
            model: string;
            pages: components["schemas"]["LayoutPage"][];
            paragraphs: components["schemas"]["LayoutParagraph"][];
            tables: components["schemas"]["LayoutTable"][];
        };
        DocumentPermission: {
            /** Format: date-time */
            createdAt: string;
            documentId: string;
            grantedById: string | null;
            id: string;
            level: components["schemas"]["PermissionLevel"];
            /** Format: date-time */
            updatedAt: string;
            user: components["schemas"]["User"];
            userId: string;
        };
        /** @enum {string} */
        DocumentStatus: "PENDING_UPLOAD" | "QUEUED" | "EXTRACTING" | "CHUNKING" | "EMBEDDING" | "READY" | "FAILED";
        DownloadUrl: {
            /** Format: date-time */
            expiresAt: string;
            url: string;
        };
        Embeddings: {
            data: {
                embedding: number[];
                index: number;
            }[];
            dimensions: number;
            model: string;
        };
        EmbeddingStatus: {
            chunks: {
                active: number;
                notEmbedded: number;
                otherModel: number;
            };
            dimensions: number;
            documents: number;
            model: string;
        };
        /** @description Error body: `{ message, code, data: { code, httpStatus, path?, fields?, requestId? } }` */
        "Error.BAD_REQUEST": {
            /** @constant */
            code: "BAD_REQUEST";
            data: {
                /** @constant */
                code: "BAD_REQUEST";
                fields?: {
                    message: string;
                    path: string;
                }[];
                /** @constant */
                httpStatus: 400;
                /** @description The procedure, e.g. `boards.update` */
                path?: string;
                /** @description Also in the `X-Request-Id` header */
                requestId?: string;
            };
            message: string;
        };
        /** @description Error body: `{ message, code, data: { code, httpStatus, path?, fields?, requestId? } }` */
        "Error.CONFLICT": {
            /** @constant */
            code: "CONFLICT";
            data: {
                /** @constant */
                code: "CONFLICT";
                fields?: {
                    message: string;
                    path: string;
                }[];
                /** @constant */
                httpStatus: 409;
                /** @description The procedure, e.g. `boards.update` */
                path?: string;
                /** @description Also in the `X-Request-Id` header */
                requestId?: string;
            };
            message: string;
        };
        /** @description Error body: `{ message, code, data: { code, httpStatus, path?, fields?, requestId? } }` */
        "Error.FORBIDDEN": {
            /** @constant */
            code: "FORBIDDEN";
            data: {
                /** @constant */
                code: "FORBIDDEN";
                fields?: {
                    message: string;
                    path: string;
                }[];
                /** @constant */
                httpStatus: 403;
                /** @description The procedure, e.g. `boards.update` */
                path?: string;
                /** @description Also in the `X-Request-Id` header */
                requestId?: string;
            };
            message: string;
        };
        /** @description Error body: `{ message, code, data: { code, httpStatus, path?, fields?, requestId? } }` */
        "Error.INTERNAL_SERVER_ERROR": {
            /** @constant */
            code: "INTERNAL_SERVER_ERROR";
            data: {
                /** @constant */
                code: "INTERNAL_SERVER_ERROR";
                fields?: {
                    message: string;
                    path: string;
                }[];
                /** @constant */
                httpStatus: 500;
                /** @description The procedure, e.g. `boards.update` */
                path?: string;
                /** @description Also in the `X-Request-Id` header */
                requestId?: string;
            };
            message: string;
        };
        /** @description Error body: `{ message, code, data: { code, httpStatus, path?, fields?, requestId? } }` */
        "Error.NOT_FOUND": {
            /** @constant */
            code: "NOT_FOUND";
            data: {
                /** @constant */
                code: "NOT_FOUND";
                fields?: {
                    message: string;
                    path: string;
                }[];
                /** @constant */
                httpStatus: 404;
                /** @description The procedure, e.g. `boards.update` */
                path?: string;
                /** @description Also in the `X-Request-Id` header */
                requestId?: string;
            };
            message: string;
        };
        /** @description Error body: `{ message, code, data: { code, httpStatus, path?, fields?, requestId? } }` */
        "Error.PAYLOAD_TOO_LARGE": {
            /** @constant */
            code: "PAYLOAD_TOO_LARGE";
            data: {
                /** @constant */
                code: "PAYLOAD_TOO_LARGE";
                fields?: {
                    message: string;
                    path: string;
                }[];
                /** @constant */
                httpStatus: 413;
                /** @description The procedure, e.g. `boards.update` */
                path?: string;
                /** @description Also in the `X-Request-Id` header */
                requestId?: string;
            };
            message: string;
        };
        /** @description Error body: `{ message, code, data: { code, httpStatus, path?, fields?, requestId? } }` */
        "Error.SERVICE_UNAVAILABLE": {
            /** @constant */
            code: "SERVICE_UNAVAILABLE";
            data: {
                /** @constant */
                code: "SERVICE_UNAVAILABLE";
                fields?: {
                    message: string;
                    path: string;
                }[];
                /** @constant */
                httpStatus: 503;
                /** @description The procedure, e.g. `boards.update` */
                path?: string;
                /** @description Also in the `X-Request-Id` header */
                requestId?: string;
            };
            message: string;
        };
        /** @description Error body: `{ message, code, data: { code, httpStatus, path?, fields?, requestId? } }` */
        "Error.TOO_MANY_REQUESTS": {
            /** @constant */
            code: "TOO_MANY_REQUESTS";
            data: {
                /** @constant */
                code: "TOO_MANY_REQUESTS";
                fields?: {
                    message: string;
                    path: string;
                }[];
                /** @constant */
                httpStatus: 429;
                /** @description The procedure, e.g. `boards.update` */
                path?: string;
                /** @description Also in the `X-Request-Id` header */
                requestId?: string;
            };
            message: string;
        };
        /** @description Error body: `{ message, code, data: { code, httpStatus, path?, fields?, requestId? } }` */
        "Error.UNAUTHORIZED": {
            /** @constant */
            code: "UNAUTHORIZED";
            data: {
                /** @constant */
                code: "UNAUTHORIZED";
                fields?: {
                    message: string;
                    path: string;
                }[];
                /** @constant */
                httpStatus: 401;
                /** @description The procedure, e.g. `boards.update` */
                path?: string;
                /** @description Also in the `X-Request-Id` header */
                requestId?: string;
            };
            message: string;
        };
        /** @description Error body: `{ message, code, data: { code, httpStatus, path?, fields?, requestId? } }` */
        "Error.UNSUPPORTED_MEDIA_TYPE": {
            /** @constant */
            code: "UNSUPPORTED_MEDIA_TYPE";
            data: {
                /** @constant */
                code: "UNSUPPORTED_MEDIA_TYPE";
                fields?: {
                    message: string;
                    path: string;
                }[];
                /** @constant */
                httpStatus: 415;
                /** @description The procedure, e.g. `boards.update` */
                path?: string;
                /** @description Also in the `X-Request-Id` header */
                requestId?: string;
            };
            message: string;
        };
        ImageAnalysis: {
            caption: string | null;
            captionConfidence: number | null;
            /** @enum {string} */
            format: "png" | "jpeg" | "tiff";
            height: number;
            lines: {
                confidence: number | null;
                polygon: components["schemas"]["ImagePoint"][];
                text: string;
            }[];
            model: string;
            tags: {
                confidence: number;
                name: string;
            }[];
            width: number;
        };
        ImagePoint: {
            x: number;
            y: number;
        };
        /** @enum {string} */
        LayoutModel: "prebuilt-layout" | "prebuilt-read";
        LayoutPage: {
            height: number | null;
            lines: {
                content: string;
                polygon: components["schemas"]["LayoutPoint"][];
                spans: components["schemas"]["TextSpan"][];
            }[];
            pageNumber: number;
            spans: components["schemas"]["TextSpan"][];
            unit: ("inch" | "pixel") | null;
            width: number | null;
        };
        LayoutParagraph: {
            boundingRegions: components["schemas"]["BoundingRegion"][];
            content: string;
            headingLevel: number | null;
            role: ("title" | "sectionHeading" | "pageHeader" | "pageFooter" | "pageNumber" | "footnote" | "formulaBlock" | "listItem") | null;
            spans: components["schemas"]["TextSpan"][];
        };
        LayoutPoint: {
            x: number;
            y: number;
        };
        LayoutTable: {
            boundingRegions: components["schemas"]["BoundingRegion"][];
            cells: {
                boundingRegions: components["schemas"]["BoundingRegion"][];
                columnIndex: number;
                columnSpan: number;
                content: string;
                /** @enum {string} */
                kind: "content" | "columnHeader" | "rowHeader" | "stubHead" | "description";
                rowIndex: number;
                rowSpan: number;
                spans: components["schemas"]["TextSpan"][];
            }[];
            columnCount: number;
            rowCount: number;
            spans: components["schemas"]["TextSpan"][];
        };
        Link: {
            /** Format: date-time */
            createdAt: string;
            createdById: string;
            /** @enum {string} */
            direction: "outgoing" | "incoming";
            id: string;
            other: {
                id: string;
                title: string;
            };
            sourceId: string;
            targetId: string;
            type: components["schemas"]["LinkType"];
        };
        /** @enum {string} */
        LinkType: "RELATES" | "BLOCKS" | "DUPLICATES";
        Me: {
            clerkId: string;
            /** Format: date-time */
            createdAt: string;
            displayName: string | null;
            email: string | null;
            id: string;
            imageUrl: string | null;
            organization: {
                id: string;
                role: string | null;
                slug: string | null;
            } | null;
        };
        Notification: {
            actionPointId: string | null;
            actor: components["schemas"]["User"] | null;
            boardId: string | null;
            commentId: string | null;
            /** Format: date-time */
            createdAt: string;
            data: {
                [key: string]: unknown;
            };
            id: string;
            readAt: string | null;
            seq: string;
            type: components["schemas"]["NotificationType"];
        };
        /** @enum {string} */
        NotificationType: "BOARD_GRANTED" | "ACTION_POINT_SHARED" | "ASSIGNED" | "MENTIONED" | "COMMENTED" | "WORKFLOW";
        Organization: {
            /** Format: date-time */
            createdAt: string;
            id: string;
            imageUrl: string | null;
            name: string;
            role: components["schemas"]["Role"] | null;
            slug: string | null;
        };
        OrganizationMember: {
            /** Format: date-time */
            joinedAt: string;
            role: components["schemas"]["Role"];
            user: components["schemas"]["User"];
        };
        /** @enum {string} */
        PermissionLevel: "VIEW" | "COMMENT" | "EDIT" | "ADMIN";
        Role: {
            isAdmin: boolean;
            key: string;
            name: string;
        };
        SearchResult: {
            items: components["schemas"]["ChunkHit"][];
        };
        SimilarActionPoints: {
            items: {
                boards: {
                    boardId: string;
                    boardName: string;
                    columnId: string;
                    columnName: string;
                }[];
                completedAt: string | null;
                id: string;
                score: number;
                title: string;
            }[];
        };
        /** @enum {string} */
        StatusCategory: "TODO" | "IN_PROGRESS" | "DONE" | "CANCELLED";
        Summary: {
            citations: components["schemas"]["Citation"][];
            model: string;
            summary: string;
        };
        Tag: {
            boardId: string;
            color: string;
            /** Format: date-time */
            createdAt: string;
            id: string;
            name: string;
            /** Format: date-time */
            updatedAt: string;
        };
        TextSpan: {
            length: number;
            offset: number;
        };
        Upload: {
            contentType: string;
            /** Format: date-time */
            createdAt: string;
            error: string | null;
            /** Format: date-time */
            expiresAt: string;
            fileName: string;
            id: string;
            sizeBytes: number;
            status: components["schemas"]["UploadStatus"];
            uploadId: string;
            usedAt: string | null;
        };
        /** @enum {string} */
        UploadStatus: "PENDING" | "UPLOADED" | "USED" | "REFUSED" | "EXPIRED";
        User: {
            displayName: string | null;
            email: string | null;
            id: string;
            imageUrl: string | null;
        };
        /** @enum {string} */
        VisionFeature: "caption" | "tags" | "read";
        Workflow: {
            boardId: string;
            statuses: {
                category: components["schemas"]["StatusCategory"];
                columnId: string | null;
                id: string;
                name: string;
            }[];
            transitions: {
                fromStatusId: string;
                minLevel: components["schemas"]["PermissionLevel"];
                toStatusId: string;
            }[];
            version: number;
        };
        WorkflowAction: {
            /** Format: uuid */
            columnId: string;
            /** @constant */
            type: "MOVE";
        } | {
            /** Format: uuid */
            assigneeId: string;
            /** @constant */
            type: "ASSIGN";
        } | {
            inDays: number;
            /** @constant */
            type: "SET_DUE";
        } | {
            /** Format: uuid */
            tagId: string;
            /** @constant */
            type: "TAG";
        } | {
            /** Format: uuid */
            tagId: string;
            /** @constant */
            type: "UNTAG";
        } | {
            body: string;
            /** @constant */
            type: "COMMENT";
        } | {
            /** @constant */
            type: "NOTIFY";
            userIds: string[];
        } | {
            /** Format: uuid */
            boardId: string;
            /** Format: uuid */
            columnId: string;
            /** @constant */
            type: "ADD_TO_BOARD";
        } | {
            /** Format: uuid */
            columnId: string;
            title: string;
            /** @constant */
            type: "CREATE_ACTION_POINT";
        } | {
            /** @constant */
            type: "WEBHOOK";
            url: string;
        };
        WorkflowCondition: {
            /** @constant */
            field: "tagIds";
            /** @constant */
            op: "includes";
            /** Format: uuid */
            value: string;
        } | {
            /** @constant */
            field: "assigneeId";
            /** @enum {string} */
            op: "is" | "isEmpty";
            /** Format: uuid */
            value?: string;
        } | {
            /** @constant */
            field: "dueDate";
            /** @constant */
            op: "before";
            /** Format: date-time */
            value: string;
        } | {
            /** @constant */
            field: "title";
            /** @constant */
            op: "contains";
            value: string;
        } | {
            /** @constant */
            field: "statusId";
            /** @constant */
            op: "is";
            /** Format: uuid */
            value: string;
        };
        WorkflowDelivery: {
            attempt: number;
            /** Format: date-time */
            createdAt: string;
            durationMs: number | null;
            error: string | null;
            id: string;
            messageId: string;
            nextRetryAt: string | null;
            ruleId: string;
            runId: string;
            statusCode: number | null;
            url: string;
        };
        WorkflowDryRun: {
            actionPointId: string | null;
            actions: {
                allowed: boolean;
                reason: string | null;
                type: string;
                would: string;
            }[];
            conditions: {
                condition: {
                    [key: string]: unknown;
                };
                met: boolean;
            }[];
            conditionsMet: boolean;
            ruleId: string;
        };
        WorkflowRule: {
            actions: {
                [key: string]: unknown;
            }[];
            boardId: string;
            conditions: {
                [key: string]: unknown;
            }[];
            /** Format: date-time */
            createdAt: string;
            enabled: boolean;
            hasSecret: boolean;
            id: string;
            name: string;
            ownerId: string;
            trigger: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            updatedAt: string;
            version: number;
        };
        WorkflowRun: {
            actions: {
                [key: string]: unknown;
            }[];
            attempts: number;
            /** Format: date-time */
            createdAt: string;
            depth: number;
            durationMs: number | null;
            event: {
                [key: string]: unknown;
            };
            finishedAt: string | null;
            id: string;
            reason: string | null;
            ruleId: string;
            ruleName: string;
            startedAt: string | null;
            status: string;
        };
        WorkflowTrigger: {
            /** @constant */
            type: "ACTION_POINT_CREATED";
        } | {
            /** Format: uuid */
            toColumnId?: string;
            /** Format: uuid */
            toStatusId?: string;
            /** @constant */
            type: "MOVED";
        } | {
            fields?: ("title" | "description" | "dueDate" | "assigneeId" | "completedAt")[];
            /** @constant */
            type: "UPDATED";
        } | {
            /** @constant */
            type: "COMMENTED";
        } | {
            /** Format: uuid */
            tagId?: string;
            /** @constant */
            type: "TAGGED";
        } | {
            /** @constant */
            type: "DUE_SOON";
            withinHours: number;
        } | {
            /** @constant */
            type: "OVERDUE";
        } | {
            days: number;
            /** @constant */
            type: "IDLE";
        } | {
            cron: string;
            /** @default UTC */
            timezone: string;
            /** @constant */
            type: "SCHEDULE";
        } | {
            /** @constant */
            type: "DOCUMENT_READY";
        } | {
            /** @constant */
            type: "SUGGESTION_ACCEPTED";
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    "actionPoints-list": {
        parameters: {
            query?: {
                assignedToMe?: boolean;
                cursor?: string;
                limit?: number;
                owned?: boolean;
                q?: string;
                sharedWithMe?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ActionPoint"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "actionPoints-create": {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat-safe retries: within 24 hours, a repeat with the same key and body returns the first response and changes nothing; the same key with another body is 409 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    assigneeId?: string | null;
                    /** Format: uuid */
                    boardId?: string;
                    /** Format: uuid */
                    columnId?: string;
                    completed?: boolean;
                    description?: string | null;
                    dueDate?: string | null;
                    title: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActionPointDetail"];
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description A stale `expectedVersion`, a duplicate, or a concurrent change: reload and retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.CONFLICT"];
                };
            };
            /** @description The body, or a stored file it names, exceeds the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.PAYLOAD_TOO_LARGE"];
                };
            };
            /** @description The body is not application/json, or a stored file it names is of a type the operation does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNSUPPORTED_MEDIA_TYPE"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "actionPoints-get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                actionPointId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActionPointDetail"];
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "actionPoints-delete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                actionPointId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        ok: true;
                    };
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description A stale `expectedVersion`, a duplicate, or a concurrent change: reload and retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.CONFLICT"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "actionPoints-update": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                actionPointId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    assigneeId?: string | null;
                    completed?: boolean;
                    description?: string | null;
                    dueDate?: string | null;
                    expectedVersion?: number;
                    title?: string;
                };
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActionPointDetail"];
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description A stale `expectedVersion`, a duplicate, or a concurrent change: reload and retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.CONFLICT"];
                };
            };
            /** @description The body, or a stored file it names, exceeds the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.PAYLOAD_TOO_LARGE"];
                };
            };
            /** @description The body is not application/json, or a stored file it names is of a type the operation does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNSUPPORTED_MEDIA_TYPE"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "attachments-list": {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                actionPointId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Attachment"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "attachments-create": {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat-safe retries: within 24 hours, a repeat with the same key and body returns the first response and changes nothing; the same key with another body is 409 */
                "Idempotency-Key"?: string;
            };
            path: {
                actionPointId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    uploadId: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attachment"];
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description A stale `expectedVersion`, a duplicate, or a concurrent change: reload and retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.CONFLICT"];
                };
            };
            /** @description The body, or a stored file it names, exceeds the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.PAYLOAD_TOO_LARGE"];
                };
            };
            /** @description The body is not application/json, or a stored file it names is of a type the operation does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNSUPPORTED_MEDIA_TYPE"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "comments-list": {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                actionPointId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Comment"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "comments-create": {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat-safe retries: within 24 hours, a repeat with the same key and body returns the first response and changes nothing; the same key with another body is 409 */
                "Idempotency-Key"?: string;
            };
            path: {
                actionPointId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    body: string;
                    mentions?: string[];
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Comment"];
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description A stale `expectedVersion`, a duplicate, or a concurrent change: reload and retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.CONFLICT"];
                };
            };
            /** @description The body, or a stored file it names, exceeds the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.PAYLOAD_TOO_LARGE"];
                };
            };
            /** @description The body is not application/json, or a stored file it names is of a type the operation does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNSUPPORTED_MEDIA_TYPE"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "links-list": {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                actionPointId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Link"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "links-create": {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat-safe retries: within 24 hours, a repeat with the same key and body returns the first response and changes nothing; the same key with another body is 409 */
                "Idempotency-Key"?: string;
            };
            path: {
                actionPointId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    targetId: string;
                    type: components["schemas"]["LinkType"];
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Link"];
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description A stale `expectedVersion`, a duplicate, or a concurrent change: reload and retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.CONFLICT"];
                };
            };
            /** @description The body, or a stored file it names, exceeds the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.PAYLOAD_TOO_LARGE"];
                };
            };
            /** @description The body is not application/json, or a stored file it names is of a type the operation does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNSUPPORTED_MEDIA_TYPE"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "actionPointShares-list": {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                actionPointId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ActionPointShare"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "actionPointShares-share": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                actionPointId: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    level: components["schemas"]["PermissionLevel"];
                };
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActionPointShare"];
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description A stale `expectedVersion`, a duplicate, or a concurrent change: reload and retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.CONFLICT"];
                };
            };
            /** @description The body, or a stored file it names, exceeds the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.PAYLOAD_TOO_LARGE"];
                };
            };
            /** @description The body is not application/json, or a stored file it names is of a type the operation does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNSUPPORTED_MEDIA_TYPE"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "actionPointShares-unshare": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                actionPointId: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        ok: true;
                    };
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description A stale `expectedVersion`, a duplicate, or a concurrent change: reload and retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.CONFLICT"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "embeddings-similarActionPoints": {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path: {
                actionPointId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SimilarActionPoints"];
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description Over your AI limit (AI_REQUESTS_PER_MINUTE) or your daily AI token budget is spent: retry after the `Retry-After` header */
            429: {
                headers: {
                    /** @description The limit: requests per minute (or tokens per day, when the budget refused the request) */
                    "RateLimit-Limit"?: number;
                    /** @description What is left of it */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until it resets */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.TOO_MANY_REQUESTS"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "tags-attach": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                actionPointId: string;
                tagId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Tag"];
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description A stale `expectedVersion`, a duplicate, or a concurrent change: reload and retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.CONFLICT"];
                };
            };
            /** @description The body, or a stored file it names, exceeds the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.PAYLOAD_TOO_LARGE"];
                };
            };
            /** @description The body is not application/json, or a stored file it names is of a type the operation does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNSUPPORTED_MEDIA_TYPE"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "tags-detach": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                actionPointId: string;
                tagId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        ok: true;
                    };
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description A stale `expectedVersion`, a duplicate, or a concurrent change: reload and retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.CONFLICT"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "aiVision-analyze": {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat-safe retries: within 24 hours, a repeat with the same key and body returns the first response and changes nothing; the same key with another body is 409 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    attachmentId?: string;
                    /** Format: uuid */
                    documentId?: string;
                    features?: components["schemas"]["VisionFeature"][];
                };
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImageAnalysis"];
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description A stale `expectedVersion`, a duplicate, or a concurrent change: reload and retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.CONFLICT"];
                };
            };
            /** @description The body, or a stored file it names, exceeds the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.PAYLOAD_TOO_LARGE"];
                };
            };
            /** @description The body is not application/json, or a stored file it names is of a type the operation does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNSUPPORTED_MEDIA_TYPE"];
                };
            };
            /** @description Over your AI limit (AI_REQUESTS_PER_MINUTE) or your daily AI token budget is spent: retry after the `Retry-After` header */
            429: {
                headers: {
                    /** @description The limit: requests per minute (or tokens per day, when the budget refused the request) */
                    "RateLimit-Limit"?: number;
                    /** @description What is left of it */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until it resets */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.TOO_MANY_REQUESTS"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "ai-chat": {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat-safe retries: within 24 hours, a repeat with the same key and body returns the first response and changes nothing; the same key with another body is 409 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    documentIds?: string[];
                    messages: components["schemas"]["ChatMessage"][];
                };
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChatReply"];
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description A stale `expectedVersion`, a duplicate, or a concurrent change: reload and retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.CONFLICT"];
                };
            };
            /** @description The body, or a stored file it names, exceeds the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.PAYLOAD_TOO_LARGE"];
                };
            };
            /** @description The body is not application/json, or a stored file it names is of a type the operation does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNSUPPORTED_MEDIA_TYPE"];
                };
            };
            /** @description Over your AI limit (AI_REQUESTS_PER_MINUTE) or your daily AI token budget is spent: retry after the `Retry-After` header */
            429: {
                headers: {
                    /** @description The limit: requests per minute (or tokens per day, when the budget refused the request) */
                    "RateLimit-Limit"?: number;
                    /** @description What is left of it */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until it resets */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.TOO_MANY_REQUESTS"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "ai-summarize": {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat-safe retries: within 24 hours, a repeat with the same key and body returns the first response and changes nothing; the same key with another body is 409 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    documentId?: string;
                    text?: string;
                };
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Summary"];
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description A stale `expectedVersion`, a duplicate, or a concurrent change: reload and retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.CONFLICT"];
                };
            };
            /** @description The body, or a stored file it names, exceeds the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.PAYLOAD_TOO_LARGE"];
                };
            };
            /** @description The body is not application/json, or a stored file it names is of a type the operation does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNSUPPORTED_MEDIA_TYPE"];
                };
            };
            /** @description Over your AI limit (AI_REQUESTS_PER_MINUTE) or your daily AI token budget is spent: retry after the `Retry-After` header */
            429: {
                headers: {
                    /** @description The limit: requests per minute (or tokens per day, when the budget refused the request) */
                    "RateLimit-Limit"?: number;
                    /** @description What is left of it */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until it resets */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.TOO_MANY_REQUESTS"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "attachments-delete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                attachmentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        ok: true;
                    };
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description A stale `expectedVersion`, a duplicate, or a concurrent change: reload and retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.CONFLICT"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "attachments-downloadUrl": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                attachmentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DownloadUrl"];
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "blobStorage-createUpload": {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat-safe retries: within 24 hours, a repeat with the same key and body returns the first response and changes nothing; the same key with another body is 409 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    contentType: string;
                    fileName: string;
                    sizeBytes: number;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedUpload"];
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description A stale `expectedVersion`, a duplicate, or a concurrent change: reload and retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.CONFLICT"];
                };
            };
            /** @description The body, or a stored file it names, exceeds the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.PAYLOAD_TOO_LARGE"];
                };
            };
            /** @description The body is not application/json, or a stored file it names is of a type the operation does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNSUPPORTED_MEDIA_TYPE"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "blobStorage-getUpload": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                uploadId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Upload"];
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "boards-list": {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Board"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "boards-create": {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat-safe retries: within 24 hours, a repeat with the same key and body returns the first response and changes nothing; the same key with another body is 409 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    columns?: string[];
                    description?: string | null;
                    name: string;
                    /** Format: uuid */
                    organizationId?: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BoardDetail"];
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description A stale `expectedVersion`, a duplicate, or a concurrent change: reload and retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.CONFLICT"];
                };
            };
            /** @description The body, or a stored file it names, exceeds the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.PAYLOAD_TOO_LARGE"];
                };
            };
            /** @description The body is not application/json, or a stored file it names is of a type the operation does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNSUPPORTED_MEDIA_TYPE"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "boards-get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                boardId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BoardDetail"];
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "boards-delete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                boardId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        ok: true;
                    };
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description A stale `expectedVersion`, a duplicate, or a concurrent change: reload and retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.CONFLICT"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "boards-update": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                boardId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    description?: string | null;
                    expectedVersion?: number;
                    name?: string;
                };
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BoardDetail"];
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description A stale `expectedVersion`, a duplicate, or a concurrent change: reload and retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.CONFLICT"];
                };
            };
            /** @description The body, or a stored file it names, exceeds the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.PAYLOAD_TOO_LARGE"];
                };
            };
            /** @description The body is not application/json, or a stored file it names is of a type the operation does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNSUPPORTED_MEDIA_TYPE"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "actionPoints-addToBoard": {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat-safe retries: within 24 hours, a repeat with the same key and body returns the first response and changes nothing; the same key with another body is 409 */
                "Idempotency-Key"?: string;
            };
            path: {
                boardId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    actionPointId: string;
                    afterId?: string | null;
                    beforeId?: string | null;
                    /** Format: uuid */
                    columnId: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActionPointPosition"];
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description A stale `expectedVersion`, a duplicate, or a concurrent change: reload and retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.CONFLICT"];
                };
            };
            /** @description The body, or a stored file it names, exceeds the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.PAYLOAD_TOO_LARGE"];
                };
            };
            /** @description The body is not application/json, or a stored file it names is of a type the operation does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNSUPPORTED_MEDIA_TYPE"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "actionPoints-removeFromBoard": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                actionPointId: string;
                boardId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        ok: true;
                    };
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description A stale `expectedVersion`, a duplicate, or a concurrent change: reload and retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.CONFLICT"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "actionPoints-move": {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat-safe retries: within 24 hours, a repeat with the same key and body returns the first response and changes nothing; the same key with another body is 409 */
                "Idempotency-Key"?: string;
            };
            path: {
                actionPointId: string;
                boardId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    afterId?: string | null;
                    beforeId?: string | null;
                    /** Format: uuid */
                    columnId: string;
                };
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActionPointPosition"];
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description A stale `expectedVersion`, a duplicate, or a concurrent change: reload and retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.CONFLICT"];
                };
            };
            /** @description The body, or a stored file it names, exceeds the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.PAYLOAD_TOO_LARGE"];
                };
            };
            /** @description The body is not application/json, or a stored file it names is of a type the operation does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNSUPPORTED_MEDIA_TYPE"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "boards-activity": {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                boardId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Activity"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "columns-create": {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat-safe retries: within 24 hours, a repeat with the same key and body returns the first response and changes nothing; the same key with another body is 409 */
                "Idempotency-Key"?: string;
            };
            path: {
                boardId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    afterId?: string | null;
                    beforeId?: string | null;
                    name: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Column"];
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description A stale `expectedVersion`, a duplicate, or a concurrent change: reload and retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.CONFLICT"];
                };
            };
            /** @description The body, or a stored file it names, exceeds the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.PAYLOAD_TOO_LARGE"];
                };
            };
            /** @description The body is not application/json, or a stored file it names is of a type the operation does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNSUPPORTED_MEDIA_TYPE"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "boardPermissions-list": {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                boardId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["BoardPermission"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "boardPermissions-grant": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                boardId: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    level: components["schemas"]["PermissionLevel"];
                };
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BoardPermission"];
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description A stale `expectedVersion`, a duplicate, or a concurrent change: reload and retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.CONFLICT"];
                };
            };
            /** @description The body, or a stored file it names, exceeds the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.PAYLOAD_TOO_LARGE"];
                };
            };
            /** @description The body is not application/json, or a stored file it names is of a type the operation does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNSUPPORTED_MEDIA_TYPE"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "boardPermissions-revoke": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                boardId: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        ok: true;
                    };
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description A stale `expectedVersion`, a duplicate, or a concurrent change: reload and retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.CONFLICT"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "tags-list": {
        parameters: {
            query?: {
                actionPointId?: string;
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                boardId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Tag"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "tags-create": {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat-safe retries: within 24 hours, a repeat with the same key and body returns the first response and changes nothing; the same key with another body is 409 */
                "Idempotency-Key"?: string;
            };
            path: {
                boardId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    color: string;
                    name: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Tag"];
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description A stale `expectedVersion`, a duplicate, or a concurrent change: reload and retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.CONFLICT"];
                };
            };
            /** @description The body, or a stored file it names, exceeds the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.PAYLOAD_TOO_LARGE"];
                };
            };
            /** @description The body is not application/json, or a stored file it names is of a type the operation does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNSUPPORTED_MEDIA_TYPE"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "boards-view": {
        parameters: {
            query?: {
                limitPerColumn?: number;
            };
            header?: never;
            path: {
                boardId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BoardView"];
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "workflows-get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                boardId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Workflow"];
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "workflows-update": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                boardId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    statuses: {
                        category: components["schemas"]["StatusCategory"];
                        columnId?: string | null;
                        /** Format: uuid */
                        id?: string;
                        name: string;
                    }[];
                    /** @default [] */
                    transitions?: {
                        fromStatusId: string;
                        minLevel?: components["schemas"]["PermissionLevel"];
                        toStatusId: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Workflow"];
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description A stale `expectedVersion`, a duplicate, or a concurrent change: reload and retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.CONFLICT"];
                };
            };
            /** @description The body, or a stored file it names, exceeds the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.PAYLOAD_TOO_LARGE"];
                };
            };
            /** @description The body is not application/json, or a stored file it names is of a type the operation does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNSUPPORTED_MEDIA_TYPE"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "workflows-listRules": {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                boardId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["WorkflowRule"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "workflows-createRule": {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat-safe retries: within 24 hours, a repeat with the same key and body returns the first response and changes nothing; the same key with another body is 409 */
                "Idempotency-Key"?: string;
            };
            path: {
                boardId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    actions: components["schemas"]["WorkflowAction"][];
                    /** @default [] */
                    conditions?: components["schemas"]["WorkflowCondition"][];
                    /** @default true */
                    enabled?: boolean;
                    name: string;
                    trigger: components["schemas"]["WorkflowTrigger"];
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedWorkflowRule"];
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description A stale `expectedVersion`, a duplicate, or a concurrent change: reload and retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.CONFLICT"];
                };
            };
            /** @description The body, or a stored file it names, exceeds the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.PAYLOAD_TOO_LARGE"];
                };
            };
            /** @description The body is not application/json, or a stored file it names is of a type the operation does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNSUPPORTED_MEDIA_TYPE"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "workflows-runs": {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                ruleId?: string;
            };
            header?: never;
            path: {
                boardId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["WorkflowRun"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "bot-interactions": {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["BotInteraction"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "bot-getInteraction": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                interactionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BotInteraction"];
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "bot-suggest": {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat-safe retries: within 24 hours, a repeat with the same key and body returns the first response and changes nothing; the same key with another body is 409 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    boardId?: string;
                    /** Format: uuid */
                    documentId?: string;
                    text?: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BotInteraction"];
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description A stale `expectedVersion`, a duplicate, or a concurrent change: reload and retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.CONFLICT"];
                };
            };
            /** @description The body, or a stored file it names, exceeds the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.PAYLOAD_TOO_LARGE"];
                };
            };
            /** @description The body is not application/json, or a stored file it names is of a type the operation does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNSUPPORTED_MEDIA_TYPE"];
                };
            };
            /** @description Over your AI limit (AI_REQUESTS_PER_MINUTE) or your daily AI token budget is spent: retry after the `Retry-After` header */
            429: {
                headers: {
                    /** @description The limit: requests per minute (or tokens per day, when the budget refused the request) */
                    "RateLimit-Limit"?: number;
                    /** @description What is left of it */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until it resets */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.TOO_MANY_REQUESTS"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "bot-accept": {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat-safe retries: within 24 hours, a repeat with the same key and body returns the first response and changes nothing; the same key with another body is 409 */
                "Idempotency-Key"?: string;
            };
            path: {
                suggestionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    assigneeId?: string | null;
                    /** Format: uuid */
                    boardId: string;
                    /** Format: uuid */
                    columnId: string;
                    description?: string | null;
                    dueDate?: string | null;
                    title?: string;
                };
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActionPointDetail"];
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description A stale `expectedVersion`, a duplicate, or a concurrent change: reload and retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.CONFLICT"];
                };
            };
            /** @description The body, or a stored file it names, exceeds the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.PAYLOAD_TOO_LARGE"];
                };
            };
            /** @description The body is not application/json, or a stored file it names is of a type the operation does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNSUPPORTED_MEDIA_TYPE"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "bot-reject": {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat-safe retries: within 24 hours, a repeat with the same key and body returns the first response and changes nothing; the same key with another body is 409 */
                "Idempotency-Key"?: string;
            };
            path: {
                suggestionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BotSuggestion"];
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description A stale `expectedVersion`, a duplicate, or a concurrent change: reload and retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.CONFLICT"];
                };
            };
            /** @description The body, or a stored file it names, exceeds the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.PAYLOAD_TOO_LARGE"];
                };
            };
            /** @description The body is not application/json, or a stored file it names is of a type the operation does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNSUPPORTED_MEDIA_TYPE"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "columns-delete": {
        parameters: {
            query?: {
                moveToColumnId?: string;
            };
            header?: never;
            path: {
                columnId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        moved: number;
                        /** @constant */
                        ok: true;
                    };
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description A stale `expectedVersion`, a duplicate, or a concurrent change: reload and retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.CONFLICT"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "columns-update": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                columnId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                };
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Column"];
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description A stale `expectedVersion`, a duplicate, or a concurrent change: reload and retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.CONFLICT"];
                };
            };
            /** @description The body, or a stored file it names, exceeds the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.PAYLOAD_TOO_LARGE"];
                };
            };
            /** @description The body is not application/json, or a stored file it names is of a type the operation does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNSUPPORTED_MEDIA_TYPE"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "columns-items": {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                columnId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["BoardItem"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "columns-move": {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat-safe retries: within 24 hours, a repeat with the same key and body returns the first response and changes nothing; the same key with another body is 409 */
                "Idempotency-Key"?: string;
            };
            path: {
                columnId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    afterId?: string | null;
                    beforeId?: string | null;
                };
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Column"];
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description A stale `expectedVersion`, a duplicate, or a concurrent change: reload and retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.CONFLICT"];
                };
            };
            /** @description The body, or a stored file it names, exceeds the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.PAYLOAD_TOO_LARGE"];
                };
            };
            /** @description The body is not application/json, or a stored file it names is of a type the operation does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNSUPPORTED_MEDIA_TYPE"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "comments-delete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                commentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        ok: true;
                    };
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description A stale `expectedVersion`, a duplicate, or a concurrent change: reload and retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.CONFLICT"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "comments-update": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                commentId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    body?: string;
                    mentions?: string[];
                };
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Comment"];
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description A stale `expectedVersion`, a duplicate, or a concurrent change: reload and retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.CONFLICT"];
                };
            };
            /** @description The body, or a stored file it names, exceeds the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.PAYLOAD_TOO_LARGE"];
                };
            };
            /** @description The body is not application/json, or a stored file it names is of a type the operation does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNSUPPORTED_MEDIA_TYPE"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "documentIntelligence-analyze": {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat-safe retries: within 24 hours, a repeat with the same key and body returns the first response and changes nothing; the same key with another body is 409 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    documentId: string;
                    model?: components["schemas"]["LayoutModel"];
                };
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentLayout"];
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description A stale `expectedVersion`, a duplicate, or a concurrent change: reload and retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.CONFLICT"];
                };
            };
            /** @description The body, or a stored file it names, exceeds the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.PAYLOAD_TOO_LARGE"];
                };
            };
            /** @description The body is not application/json, or a stored file it names is of a type the operation does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNSUPPORTED_MEDIA_TYPE"];
                };
            };
            /** @description Over your AI limit (AI_REQUESTS_PER_MINUTE) or your daily AI token budget is spent: retry after the `Retry-After` header */
            429: {
                headers: {
                    /** @description The limit: requests per minute (or tokens per day, when the budget refused the request) */
                    "RateLimit-Limit"?: number;
                    /** @description What is left of it */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until it resets */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.TOO_MANY_REQUESTS"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "documents-list": {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                ownedOnly?: boolean;
                q?: string;
                status?: components["schemas"]["DocumentStatus"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Document"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "documents-create": {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat-safe retries: within 24 hours, a repeat with the same key and body returns the first response and changes nothing; the same key with another body is 409 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    format?: "markdown" | "plain";
                    /** Format: uuid */
                    organizationId?: string;
                    text?: string;
                    title?: string;
                    /** Format: uuid */
                    uploadId?: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Document"];
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description A stale `expectedVersion`, a duplicate, or a concurrent change: reload and retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.CONFLICT"];
                };
            };
            /** @description The body, or a stored file it names, exceeds the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.PAYLOAD_TOO_LARGE"];
                };
            };
            /** @description The body is not application/json, or a stored file it names is of a type the operation does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNSUPPORTED_MEDIA_TYPE"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "documents-get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                documentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Document"];
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "documents-delete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                documentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        ok: true;
                    };
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description A stale `expectedVersion`, a duplicate, or a concurrent change: reload and retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.CONFLICT"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "documents-update": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                documentId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    expectedVersion?: number;
                    title?: string;
                };
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Document"];
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description A stale `expectedVersion`, a duplicate, or a concurrent change: reload and retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.CONFLICT"];
                };
            };
            /** @description The body, or a stored file it names, exceeds the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.PAYLOAD_TOO_LARGE"];
                };
            };
            /** @description The body is not application/json, or a stored file it names is of a type the operation does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNSUPPORTED_MEDIA_TYPE"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "audit-list": {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                documentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["AuditRow"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "documents-chunks": {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                documentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["DocumentChunk"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "documents-downloadUrl": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                documentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DownloadUrl"];
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "documentShares-list": {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                documentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["DocumentPermission"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "documentShares-grant": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                documentId: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    level: components["schemas"]["PermissionLevel"];
                };
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentPermission"];
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description A stale `expectedVersion`, a duplicate, or a concurrent change: reload and retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.CONFLICT"];
                };
            };
            /** @description The body, or a stored file it names, exceeds the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.PAYLOAD_TOO_LARGE"];
                };
            };
            /** @description The body is not application/json, or a stored file it names is of a type the operation does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNSUPPORTED_MEDIA_TYPE"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "documentShares-revoke": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                documentId: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        ok: true;
                    };
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description A stale `expectedVersion`, a duplicate, or a concurrent change: reload and retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.CONFLICT"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "documents-reprocess": {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat-safe retries: within 24 hours, a repeat with the same key and body returns the first response and changes nothing; the same key with another body is 409 */
                "Idempotency-Key"?: string;
            };
            path: {
                documentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Document"];
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description A stale `expectedVersion`, a duplicate, or a concurrent change: reload and retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.CONFLICT"];
                };
            };
            /** @description The body, or a stored file it names, exceeds the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.PAYLOAD_TOO_LARGE"];
                };
            };
            /** @description The body is not application/json, or a stored file it names is of a type the operation does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNSUPPORTED_MEDIA_TYPE"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "embeddings-create": {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat-safe retries: within 24 hours, a repeat with the same key and body returns the first response and changes nothing; the same key with another body is 409 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    input: string[];
                };
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Embeddings"];
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description A stale `expectedVersion`, a duplicate, or a concurrent change: reload and retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.CONFLICT"];
                };
            };
            /** @description The body, or a stored file it names, exceeds the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.PAYLOAD_TOO_LARGE"];
                };
            };
            /** @description The body is not application/json, or a stored file it names is of a type the operation does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNSUPPORTED_MEDIA_TYPE"];
                };
            };
            /** @description Over your AI limit (AI_REQUESTS_PER_MINUTE) or your daily AI token budget is spent: retry after the `Retry-After` header */
            429: {
                headers: {
                    /** @description The limit: requests per minute (or tokens per day, when the budget refused the request) */
                    "RateLimit-Limit"?: number;
                    /** @description What is left of it */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until it resets */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.TOO_MANY_REQUESTS"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "embeddings-status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmbeddingStatus"];
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "links-delete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                linkId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        ok: true;
                    };
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description A stale `expectedVersion`, a duplicate, or a concurrent change: reload and retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.CONFLICT"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "notifications-list": {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                unreadOnly?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Notification"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "notifications-markRead": {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat-safe retries: within 24 hours, a repeat with the same key and body returns the first response and changes nothing; the same key with another body is 409 */
                "Idempotency-Key"?: string;
            };
            path: {
                notificationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Notification"];
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description A stale `expectedVersion`, a duplicate, or a concurrent change: reload and retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.CONFLICT"];
                };
            };
            /** @description The body, or a stored file it names, exceeds the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.PAYLOAD_TOO_LARGE"];
                };
            };
            /** @description The body is not application/json, or a stored file it names is of a type the operation does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNSUPPORTED_MEDIA_TYPE"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "notifications-markAllRead": {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat-safe retries: within 24 hours, a repeat with the same key and body returns the first response and changes nothing; the same key with another body is 409 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        ok: true;
                        updated: number;
                    };
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description A stale `expectedVersion`, a duplicate, or a concurrent change: reload and retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.CONFLICT"];
                };
            };
            /** @description The body, or a stored file it names, exceeds the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.PAYLOAD_TOO_LARGE"];
                };
            };
            /** @description The body is not application/json, or a stored file it names is of a type the operation does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNSUPPORTED_MEDIA_TYPE"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "notifications-unreadCount": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        count: number;
                    };
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "organizations-list": {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Organization"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "organizations-get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                organizationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Organization"];
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "organizations-members": {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                organizationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["OrganizationMember"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "tags-delete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tagId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        ok: true;
                    };
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description A stale `expectedVersion`, a duplicate, or a concurrent change: reload and retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.CONFLICT"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "tags-update": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tagId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    color?: string;
                    name?: string;
                };
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Tag"];
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description A stale `expectedVersion`, a duplicate, or a concurrent change: reload and retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.CONFLICT"];
                };
            };
            /** @description The body, or a stored file it names, exceeds the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.PAYLOAD_TOO_LARGE"];
                };
            };
            /** @description The body is not application/json, or a stored file it names is of a type the operation does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNSUPPORTED_MEDIA_TYPE"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "users-search": {
        parameters: {
            query: {
                cursor?: string;
                limit?: number;
                q: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["User"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "users-me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "users-updateMe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    displayName?: string | null;
                    imageUrl?: string | null;
                };
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description A stale `expectedVersion`, a duplicate, or a concurrent change: reload and retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.CONFLICT"];
                };
            };
            /** @description The body, or a stored file it names, exceeds the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.PAYLOAD_TOO_LARGE"];
                };
            };
            /** @description The body is not application/json, or a stored file it names is of a type the operation does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNSUPPORTED_MEDIA_TYPE"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "vectorDocuments-ask": {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat-safe retries: within 24 hours, a repeat with the same key and body returns the first response and changes nothing; the same key with another body is 409 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    documentIds?: string[];
                    question: string;
                };
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Answer"];
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description A stale `expectedVersion`, a duplicate, or a concurrent change: reload and retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.CONFLICT"];
                };
            };
            /** @description The body, or a stored file it names, exceeds the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.PAYLOAD_TOO_LARGE"];
                };
            };
            /** @description The body is not application/json, or a stored file it names is of a type the operation does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNSUPPORTED_MEDIA_TYPE"];
                };
            };
            /** @description Over your AI limit (AI_REQUESTS_PER_MINUTE) or your daily AI token budget is spent: retry after the `Retry-After` header */
            429: {
                headers: {
                    /** @description The limit: requests per minute (or tokens per day, when the budget refused the request) */
                    "RateLimit-Limit"?: number;
                    /** @description What is left of it */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until it resets */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.TOO_MANY_REQUESTS"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "vectorDocuments-search": {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat-safe retries: within 24 hours, a repeat with the same key and body returns the first response and changes nothing; the same key with another body is 409 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    documentIds?: string[];
                    limit?: number;
                    /** @enum {string} */
                    mode?: "hybrid" | "semantic" | "keyword";
                    query: string;
                };
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SearchResult"];
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description A stale `expectedVersion`, a duplicate, or a concurrent change: reload and retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.CONFLICT"];
                };
            };
            /** @description The body, or a stored file it names, exceeds the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.PAYLOAD_TOO_LARGE"];
                };
            };
            /** @description The body is not application/json, or a stored file it names is of a type the operation does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNSUPPORTED_MEDIA_TYPE"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "workflows-deleteRule": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                ruleId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        ok: true;
                    };
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description A stale `expectedVersion`, a duplicate, or a concurrent change: reload and retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.CONFLICT"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "workflows-updateRule": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                ruleId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    actions?: components["schemas"]["WorkflowAction"][];
                    conditions?: components["schemas"]["WorkflowCondition"][];
                    enabled?: boolean;
                    name?: string;
                    trigger?: components["schemas"]["WorkflowTrigger"];
                };
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedWorkflowRule"];
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description A stale `expectedVersion`, a duplicate, or a concurrent change: reload and retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.CONFLICT"];
                };
            };
            /** @description The body, or a stored file it names, exceeds the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.PAYLOAD_TOO_LARGE"];
                };
            };
            /** @description The body is not application/json, or a stored file it names is of a type the operation does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNSUPPORTED_MEDIA_TYPE"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "workflows-deliveries": {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                ruleId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["WorkflowDelivery"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
    "workflows-dryRun": {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat-safe retries: within 24 hours, a repeat with the same key and body returns the first response and changes nothing; the same key with another body is 409 */
                "Idempotency-Key"?: string;
            };
            path: {
                ruleId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    actionPointId?: string;
                };
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkflowDryRun"];
                };
            };
            /** @description Invalid input: `data.fields` names each failing field (a body must be a JSON object) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.BAD_REQUEST"];
                };
            };
            /** @description No valid session token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNAUTHORIZED"];
                };
            };
            /** @description You can see the resource but your level does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.FORBIDDEN"];
                };
            };
            /** @description A resource named by the input does not exist or is not visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.NOT_FOUND"];
                };
            };
            /** @description A stale `expectedVersion`, a duplicate, or a concurrent change: reload and retry */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.CONFLICT"];
                };
            };
            /** @description The body, or a stored file it names, exceeds the size limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.PAYLOAD_TOO_LARGE"];
                };
            };
            /** @description The body is not application/json, or a stored file it names is of a type the operation does not read */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.UNSUPPORTED_MEDIA_TYPE"];
                };
            };
            /** @description Internal server error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.INTERNAL_SERVER_ERROR"];
                };
            };
            /** @description The database or an AI service is unavailable: retry after the `Retry-After` header */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error.SERVICE_UNAVAILABLE"];
                };
            };
        };
    };
}
