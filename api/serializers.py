"""What the API reads and writes, described for the OpenAPI schema.

Input serializers validate shape only (types, required fields, choices);
every rule is applied by the same service the web view calls.
"""

from __future__ import annotations

from rest_framework import serializers

# Ids fit a 32-bit column on every backend; a larger number is a field error, not a 500.
MAX_ID = 2_147_483_647

# --- Notices (A3, A4, A6) -----------------------------------------------------


class NoticeSerializer(serializers.Serializer):
    id = serializers.IntegerField(help_text="The id to send back as `policy_version` / `notice_version`.")
    kind = serializers.ChoiceField(choices=["privacy_policy", "purpose"])
    purpose = serializers.CharField(help_text='"" for the privacy policy.')
    version = serializers.CharField()
    language = serializers.CharField(help_text="Chosen from the request's Accept-Language (en, zh-hans).")
    effective_date = serializers.DateField()
    text = serializers.CharField(help_text="The notice as published, HTML. Show it unchanged.")
    sha256 = serializers.CharField(help_text="SHA-256 of `text` (UTF-8): the ledger records it.")


class PurposeSerializer(serializers.Serializer):
    code = serializers.CharField()
    title = serializers.CharField()
    description = serializers.CharField()
    legal_basis = serializers.ChoiceField(choices=["contract", "consent"])
    data_categories = serializers.ListField(child=serializers.CharField())
    retention = serializers.CharField()
    recipients = serializers.ListField(child=serializers.CharField())
    needs_consent = serializers.BooleanField()


class PurposeNoticeSerializer(serializers.Serializer):
    purpose = PurposeSerializer()
    notice = NoticeSerializer()


class NoticesSerializer(serializers.Serializer):
    privacy_policy = NoticeSerializer()
    purposes = PurposeNoticeSerializer(many=True)


# --- Acknowledgment (A2, A3) --------------------------------------------------


class AcknowledgmentStateSerializer(serializers.Serializer):
    required = serializers.BooleanField(help_text="True until the current policy is acknowledged.")
    policy = NoticeSerializer()


class AcknowledgmentInputSerializer(serializers.Serializer):
    privacy_policy_read = serializers.BooleanField(
        help_text='The person ticked "I have read the privacy policy" themselves: never pre-ticked.'
    )
    policy_version = serializers.IntegerField(
        min_value=1, max_value=MAX_ID, help_text="`id` of the policy version shown."
    )

    def validate_privacy_policy_read(self, value: bool) -> bool:
        if value is not True:
            raise serializers.ValidationError("Tick the box to confirm the privacy policy was read.")
        return value


class NextStepSerializer(serializers.Serializer):
    next = serializers.ChoiceField(
        choices=["acknowledgment", "consent_step", "profile_questions", "recommendations"],
        help_text="What the app shows next.",
    )
    consent_purpose = serializers.CharField(allow_null=True)


# --- The consent step (B1-B3, B5) ---------------------------------------------


class ChoiceSerializer(serializers.Serializer):
    value = serializers.CharField()
    label = serializers.CharField()


class RenderingRulesSerializer(serializers.Serializer):
    same_size = serializers.BooleanField(help_text="Both buttons: same size, colour weight and font.")
    both_visible_without_scrolling = serializers.BooleanField()
    nothing_preselected = serializers.BooleanField(help_text="No default, no focus on either choice.")
    dismissing_is_not_consent = serializers.BooleanField(
        help_text="Closing, going back or scrolling records nothing; only a tap on a choice does."
    )


class ConsentStepSerializer(serializers.Serializer):
    purpose = PurposeSerializer()
    notice = NoticeSerializer()
    choices = ChoiceSerializer(many=True, help_text="Exactly two: agree and skip, in this order.")
    equal_weight = serializers.BooleanField(
        help_text="Always true: the two choices carry equal weight and must be rendered alike (B3)."
    )
    preselected = serializers.CharField(allow_null=True, help_text="Always null: nothing is preselected.")
    rendering = RenderingRulesSerializer()
    due = serializers.BooleanField(
        help_text="True when no decision exists for the current version; ask once (B5)."
    )
    what_changed = serializers.CharField(
        allow_blank=True, help_text="Shown when the person decided on an earlier version (A6)."
    )
    skip_withdraws = serializers.BooleanField(help_text="Skip now ends a grant still on record (D3).")


class ConsentDecisionInputSerializer(serializers.Serializer):
    choice = serializers.ChoiceField(choices=["agree", "skip"])
    notice_version = serializers.IntegerField(
        min_value=1, max_value=MAX_ID, help_text="`notice.id` of the consent step shown."
    )


class DecisionRecordSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    purpose = serializers.CharField()
    decision = serializers.CharField()
    notice_version = serializers.CharField(source="notice_version.version")
    notice_id = serializers.IntegerField(source="notice_version_id")
    notice_sha256 = serializers.CharField()
    language = serializers.CharField()
    surface = serializers.CharField()
    created_at = serializers.DateTimeField()


class DecisionResultSerializer(serializers.Serializer):
    record = DecisionRecordSerializer()
    next = serializers.ChoiceField(choices=["profile_questions", "recommendations", "privacy_centre"])


class StaleNoticeProblemSerializer(serializers.Serializer):
    type = serializers.CharField()
    title = serializers.CharField()
    status = serializers.IntegerField()
    code = serializers.CharField()
    detail = serializers.CharField()
    current_notice = NoticeSerializer(allow_null=True)


class ProblemSerializer(serializers.Serializer):
    """RFC 9457 problem details; `code` is stable, the texts follow Accept-Language."""

    type = serializers.CharField()
    title = serializers.CharField()
    status = serializers.IntegerField()
    code = serializers.CharField()
    detail = serializers.CharField()
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.DictField()),
        required=False,
        help_text='Field errors of a validation_error: {"field": [{"code", "message"}]}.',
    )


# --- Profile questions (B4, C4, D2) -------------------------------------------


class QuestionSerializer(serializers.Serializer):
    field = serializers.CharField()
    position = serializers.IntegerField()
    text = serializers.CharField()
    choices = ChoiceSerializer(many=True)
    answer = serializers.CharField(allow_null=True, help_text="The person's own saved answer, or null.")


class QuestionsSerializer(serializers.Serializer):
    can_answer = serializers.BooleanField(help_text="False without a current profiling grant.")
    questions = QuestionSerializer(many=True)


class AnswerInputSerializer(serializers.Serializer):
    answer = serializers.CharField(max_length=64)


class SkipResultSerializer(serializers.Serializer):
    next_question = serializers.CharField(allow_null=True, help_text="null: the questions are over.")
    saved = serializers.BooleanField(help_text="Always false: skipping writes nothing.")


# --- Recommendations and courses (C1-C3, B8) ----------------------------------


class RecommendedCourseSerializer(serializers.Serializer):
    slug = serializers.CharField()
    title = serializers.CharField()
    summary = serializers.CharField()
    level_range = serializers.CharField()
    featured = serializers.BooleanField()
    reasons = serializers.ListField(child=serializers.CharField(), help_text="Why this course (C3).")


class RecommendationsSerializer(serializers.Serializer):
    label = serializers.ChoiceField(choices=["personalized", "popular"], help_text="Show it (C3).")
    personalized = serializers.BooleanField()
    switch_enabled = serializers.BooleanField(allow_null=True, help_text="null when not signed in.")
    consent_granted = serializers.BooleanField()
    items = RecommendedCourseSerializer(many=True)


class PersonalizationSerializer(serializers.Serializer):
    enabled = serializers.BooleanField()


class CourseSerializer(serializers.Serializer):
    slug = serializers.CharField()
    title = serializers.CharField()
    summary = serializers.CharField()
    level_range = serializers.CharField()
    featured = serializers.BooleanField()


class LessonSummarySerializer(serializers.Serializer):
    position = serializers.IntegerField()
    title = serializers.CharField()
    done = serializers.BooleanField(help_text="Marked as done by the caller (false when not enrolled).")


class ProgressSerializer(serializers.Serializer):
    done = serializers.IntegerField()
    total = serializers.IntegerField()
    next_lesson = serializers.IntegerField(
        allow_null=True, help_text="Position of the first lesson not done."
    )


class CourseDetailSerializer(CourseSerializer):
    enrolled = serializers.BooleanField()
    lessons = LessonSummarySerializer(many=True)
    progress = ProgressSerializer()


class LessonSerializer(serializers.Serializer):
    course = serializers.CharField()
    position = serializers.IntegerField()
    title = serializers.CharField()
    paragraphs = serializers.ListField(child=serializers.CharField())
    done = serializers.BooleanField()
    next_lesson = serializers.IntegerField(allow_null=True)


class CoursePageSerializer(serializers.Serializer):
    page = serializers.IntegerField()
    pages = serializers.IntegerField()
    count = serializers.IntegerField()
    results = CourseSerializer(many=True)


class EnrollmentSerializer(serializers.Serializer):
    course = serializers.CharField()
    enrolled = serializers.BooleanField()


# --- Rights (B6, B7, D1, D3-D5, E2) -------------------------------------------


class PurposeStateSerializer(serializers.Serializer):
    purpose = PurposeSerializer()
    decision = serializers.CharField(allow_null=True)
    granted = serializers.BooleanField()
    data_state = serializers.ChoiceField(
        choices=["", "being_deleted", "deleted"],
        help_text='After a withdrawal: "being_deleted" while data remains, "deleted" once gone (D5).',
    )
    notice = NoticeSerializer(allow_null=True)


class PrivacyCentreSerializer(serializers.Serializer):
    purposes = PurposeStateSerializer(many=True)


class GrantInputSerializer(serializers.Serializer):
    notice_version = serializers.IntegerField(
        min_value=1, max_value=MAX_ID, help_text="`notice.id` shown for this purpose."
    )


class HistoryRecordSerializer(DecisionRecordSerializer):
    receipt_url = serializers.CharField()


class ExportSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    status = serializers.ChoiceField(choices=["pending", "running", "ready", "failed"])
    progress = serializers.IntegerField(help_text="0-100.")
    created_at = serializers.DateTimeField()
    expires_at = serializers.DateTimeField()
    download_url = serializers.CharField(allow_null=True, help_text="Set once status is ready.")


class CancellationSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=["cancelled"])
    erasure = serializers.ChoiceField(
        choices=["in_progress"],
        help_text="Never 'done' here: erasure runs in the background (D5).",
    )


class ReauthenticationProblemSerializer(ProblemSerializer):
    reauthenticate = serializers.DictField(help_text="The allauth endpoints that send and confirm a code.")
