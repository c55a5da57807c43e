package com.hypertube.auth.web;

import com.hypertube.web.ProblemDetailsAdvice;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns every error of the auth service into problem details; auth-specific errors get handlers here. */
@RestControllerAdvice
class AuthProblemHandler extends ProblemDetailsAdvice {}
