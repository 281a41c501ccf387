package com.expresschat.statussync; public class Application { public static void main(String[] a){} }
